import Foundation
import IndexStorage
import PostgresStore
import SemfindCore
import TestSupport
import Testing

/// `semfind index --index postgresql://…` end to end, on the tests' private server with a tiny
/// model: a folder indexed and updated, and the faults a user meets first (a wrong password,
/// an unreachable host) told in one line, exit 2, with nothing created.
@Suite("semfind index into PostgreSQL")
struct PostgresIndexCommandTests {
    let model: TinyBertModel
    let tree: TempTree
    var runner = CommandRunner()

    init() throws {
        model = try TinyBertModel()
        tree = try TempTree()
        try tree.file("notes/logs.md", "# Logs\n\nRotate the logs daily and keep them for two weeks.\n")
        try tree.file("notes/garden.txt", "Water the tomatoes every evening in July.\n")
        runner.environment["SEMFIND_MODEL"] = model.folder.path
        runner.environment["SEMFIND_SESSION"] = "test-\(UUID().uuidString)"
    }

    @Test("a folder is indexed into a new schema, and a second run finds it unchanged")
    func indexAndUpdate() throws {
        let address = try PostgresTestServer.newIndex()
        let first = try runner.run(["index", "--index", address.uri, tree.root])
        #expect(first.status == 0, "\(first.stderr)")
        let status = try PostgresStore(address: address, create: false).status()
        #expect(status.files == 2 && status.unembedded == 0 && status.vectors == status.chunks)
        #expect(status.roots == [tree.root] && status.modelName == model.folder.lastPathComponent)
        var byEnvironment = runner
        byEnvironment.environment["SEMFIND_INDEX"] = address.uri
        let second = try byEnvironment.run(["index", "--json"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("\"unchanged\":2"), "\(second.stdout)")
    }

    @Test("a wrong password and an unreachable host: one line, exit 2, no index created")
    func connectionFaults() throws {
        let address = try PostgresTestServer.newIndex()
        var wrongPassword = runner
        wrongPassword.environment["PGPASSWORD"] = "not-the-password"
        let uri = address.uri.replacingOccurrences(
            of: #"passfile=[^&]*"#, with: "passfile=/nonexistent", options: .regularExpression)
        let refused = try wrongPassword.run(["index", "--index", uri, tree.root])
        #expect(refused.status == 2 && refused.stderrLines.count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("password authentication failed"))
        #expect(!refused.stderr.contains("not-the-password"))
        let unreachable = try runner.run(["index", "--index", "postgresql://semfind@127.0.0.1:1/semfind", tree.root])
        #expect(unreachable.status == 2 && unreachable.stderrLines.count == 1, "\(unreachable.stderr)")
        #expect(try PostgresStore.existing(at: address) == nil, "nothing was created")
    }
}
