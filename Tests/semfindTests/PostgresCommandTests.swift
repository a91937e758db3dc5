import Foundation
import IndexStorage
import PostgresStore
import ResultOutput
import SemfindCore
import TestSupport
import Testing

/// `semfind index`, `search`, `eval` and `serve --stdio` with `--index postgresql://…` end to
/// end, on the tests' private server with a tiny model: a folder indexed and updated, searched
/// as its SQLite twin is, and the faults a user meets first (a wrong password, an unreachable
/// host) told in one line, exit 2, with nothing created.
@Suite("semfind commands on a PostgreSQL index")
struct PostgresCommandTests {
    let model: TinyBertModel
    let tree: TempTree
    var runner = CommandRunner()

    init() throws {
        model = try TinyBertModel()
        tree = try TempTree()
        try tree.file("notes/logs.md", "# Logs\n\nRotate the logs daily and keep them for two weeks.\n")
        try tree.file("notes/garden.txt", "Water the tomatoes every evening in July.\n")
        try tree.file("notes/sky.md", "# Sky\n\nCollimate the telescope mirrors before observing Jupiter.\n")
        try tree.file("notes/trip/pack.md", "# Packing\n\nA tent, a stove and warm socks for the mountains.\n")
        runner.environment["SEMFIND_MODEL"] = model.folder.path
        runner.environment["SEMFIND_SESSION"] = "test-\(UUID().uuidString)"
    }

    @Test("a folder is indexed into a new schema, and a second run finds it unchanged")
    func indexAndUpdate() throws {
        let address = try PostgresTestServer.newIndex()
        let first = try runner.run(["index", "--index", address.uri, tree.root])
        #expect(first.status == 0, "\(first.stderr)")
        let status = try PostgresStore(address: address, create: false).status()
        #expect(status.files == 4 && status.unembedded == 0 && status.vectors == status.chunks)
        #expect(status.roots == [tree.root] && status.modelName == model.folder.lastPathComponent)
        var byEnvironment = runner
        byEnvironment.environment["SEMFIND_INDEX"] = address.uri
        let second = try byEnvironment.run(["index", "--json"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("\"unchanged\":4"), "\(second.stdout)")
    }

    @Test("three index runs of one folder at once: one reads the files, all end well, every chunk has its vector")
    func threeRuns() throws {
        for number in 0..<60 {
            try tree.file("many/note-\(number).txt", "Note \(number) of sixty: a heron flew over the pond.\n")
        }
        let address = try PostgresTestServer.newIndex()
        let logs = try TestScratch.folder("pg-three-runs")
        let runs = try (0..<3).map { number in
            try BackgroundCommand(
                ["index", "--threads", "1", "--json", "--index", address.uri, tree.root], logs: logs,
                name: "run-\(number)", environment: runner.environment)
        }
        #expect(runs.map { $0.wait() } == [0, 0, 0], "\(runs.map(\.stderr))")
        let summaries = runs.compactMap { run in
            run.messages.last { $0["type"] as? String == "summary" }?["data"] as? [String: Any]
        }
        #expect(summaries.count == 3)
        #expect(summaries.map { $0["indexed"] as? Int ?? -1 }.sorted() == [0, 0, 64], "one run reads the files")
        let status = try PostgresStore(address: address, create: false).status()
        #expect(status.files == 64 && status.unembedded == 0 && status.vectors == status.chunks)
    }

    /// The results of `search --json` as (path, first line, last line), in rank order.
    func results(_ index: String, _ arguments: [String]) throws -> [String] {
        let run = try runner.run(["search", "--json", "--no-session", "--index", index] + arguments)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        return run.stdoutLines.compactMap { line in
            guard case .result(let result) = try? JSONDecoder().decode(SearchMessage.self, from: Data(line.utf8))
            else { return nil }
            return "\(result.path):\(result.firstLine)-\(result.lastLine)"
        }
    }

    @Test("search finds what the same folder's SQLite index finds by meaning, and a filter stays in SQL")
    func searchLikeSQLite() throws {
        let address = try PostgresTestServer.newIndex()
        let sqlite = TestScratch.root.path + "/pg-twin-\(UUID().uuidString).sqlite"
        // The twin stores float32 vectors as pgvector does: int8 rows would round the
        // similarities, and two close passages could trade places.
        for (index, storage) in [(address.uri, [String]()), (sqlite, ["--precision", "f32"])] {
            let run = try runner.run(["index", "--index", index, tree.root] + storage)
            try #require(run.status == 0, "\(run.stderr)")
        }
        for query in ["rotate the logs", "telescope mirrors and planets", "what to pack for camping"] {
            let semantic = ["--mode", "semantic", "--no-floor", "-k", "4", query]
            let found = try results(address.uri, semantic)
            let twin = try results(sqlite, semantic)
            #expect(found.count == 4 && found == twin, "\(query)")
            let keyword = ["--mode", "keyword", query]
            let byWords = Set(try results(address.uri, keyword))
            let twinByWords = Set(try results(sqlite, keyword))
            #expect(byWords == twinByWords, "\(query)")
        }
        let filtered = try results(address.uri, ["--mode", "semantic", "--no-floor", "--glob", "trip/**", "socks"])
        #expect(filtered.count == 1 && filtered[0].contains("trip/pack.md"), "\(filtered)")
    }

    @Test("eval and serve --stdio answer from a PostgreSQL index")
    func evalAndServe() throws {
        let address = try PostgresTestServer.newIndex()
        try #require(try runner.run(["index", "--index", address.uri, tree.root]).status == 0)
        let queries = tree.path("queries.jsonl")
        try Data(#"{"id": "1", "query": "rotate the logs", "relevant": ["notes/logs.md"]}"#.utf8)
            .write(to: URL(fileURLWithPath: queries))
        let eval = try runner.run(["eval", "--index", address.uri, "--mode", "keyword", "--json", queries])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.contains(#""recall_at_10":1,"#), "\(eval.stdout)")
        let requests = [
            #"{"jsonrpc": "2.0", "id": 1, "method": "search", "params": {"query": "rotate logs", "mode": "keyword"}}"#,
            #"{"jsonrpc": "2.0", "id": 2, "method": "status"}"#,
        ]
        let serve = try runner.run(
            ["serve", "--stdio", "--index", address.uri], text: requests.joined(separator: "\n") + "\n")
        #expect(serve.status == 0, "\(serve.stderr)")
        #expect(serve.stdoutLines.count == 2 && serve.stdout.contains("logs.md"), "\(serve.stdout)")
        #expect(serve.stdout.contains(#""files":4"#), "\(serve.stdout)")
        let socket = try runner.run(["serve", "--socket", "--index", address.uri])
        #expect(socket.status == 2 && socket.stderrLines.count == 1, "\(socket.stderr)")
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
