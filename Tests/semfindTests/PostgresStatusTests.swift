import Foundation
import IndexStorage
import PostgresStore
import ResultOutput
import SemfindCore
import TestSupport
import Testing

/// `semfind status --index postgresql://…` against the tests' private server; the commands
/// that open SQLite only refuse a PostgreSQL index.
@Suite("semfind status on a PostgreSQL index")
struct PostgresStatusTests {
    @Test("status reports a PostgreSQL index's roots, counts, model and HNSW kind, as JSON and as text")
    func status() throws {
        let address = try PostgresTestServer.newIndex()
        let store = try PostgresStore(address: address, create: true)
        try store.bindModel(fingerprint: { "fp-1" }, signature: "s", name: "tiny-model", dimension: 2)
        let span = SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<5)
        try store.replaceFile(
            FileRecord(
                path: "/docs/a.md", size: 5, modified: 1, contentHash: "h", plugin: "markdown", pluginVersion: 1),
            root: "/docs",
            chunks: [
                StoredChunk(text: "alpha", headingPath: [], span: span, hash: "a", vector: [1, 0]),
                StoredChunk(text: "beta", headingPath: [], span: span, hash: "b", vector: nil),
            ])
        try store.refreshVectorSearch(retrain: false, mayTrain: true)  // as a run's end: builds the HNSW index
        let json = try CommandRunner().run(["status", "--json", "--index", address.uri])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try JSONDecoder().decode(StatusReport.self, from: Data(json.stdout.utf8))
        #expect(report.index == address.uri && report.roots == ["/docs"] && report.files == 1)
        #expect(report.chunks == 2 && report.vectors == 1 && report.unembedded == 1)
        #expect(report.model == "tiny-model" && report.dimension == 2 && report.indexKind == "hnsw")
        #expect(report.bytesOnDisk > 0)
        let text = try CommandRunner().run(["status", "--index", address.uri])
        #expect(text.stdout.contains("index_kind          hnsw"), "\(text.stdout)")
        #expect(text.stdout.contains("50% (1 of 2 chunks)"), "\(text.stdout)")
    }

    @Test("an unreachable server, a missing index and a command that opens SQLite only: one line, exit 2")
    func refusals() throws {
        let runner = CommandRunner()
        let unreachable = try runner.run(["status", "--index", "postgresql://semfind@127.0.0.1:1/semfind"])
        #expect(unreachable.status == 2 && unreachable.stderrLines.count == 1, "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("Connection refused"))
        let address = try PostgresTestServer.newIndex()
        let missing = try runner.run(["status", "--index", address.uri])
        #expect(missing.status == 2 && missing.stderrLines.count == 1, "\(missing.stderr)")
        #expect(missing.stderr.contains("no index at \(address.uri)"))
        #expect(throws: SemfindError.self, "status created nothing") {
            try PostgresStore(address: address, create: false)
        }
        let watch = try runner.run(["watch", "--index", address.uri, "/tmp"])
        #expect(watch.status == 2 && watch.stderr.contains("this command opens a SQLite index only"))
    }
}
