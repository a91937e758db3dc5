import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `semfind serve --watch` as an editor meets it: searches answered while files change on disk,
/// from the index the server keeps in step.
@Suite("serve --watch, end to end", .serialized)
final class ServeWatchTests {
    let folder = TestScratch.root.appendingPathComponent("serve-watch-\(UUID().uuidString.prefix(8))")
    var tree: URL { folder.appendingPathComponent("tree") }
    var index: String { folder.appendingPathComponent("index.sqlite").path }
    let runner = CommandRunner()

    init() throws {
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws {
        try Data((text + "\n").utf8).write(to: tree.appendingPathComponent(name))
    }

    /// Indexes the tree with two notes, so that the server has folders to watch.
    func indexTwoNotes() throws {
        try write("cat.md", "The cat sat on the mat.")
        try write("rust.md", "Rust has a borrow checker.")
        let indexed = try runner.run(["index", "--index", index, tree.path])
        try #require(indexed.status == 0, "\(indexed.stderr)")
    }

    @Test("--stdio: a created, an edited and a deleted file are seen by searches; a second writer is refused")
    func stdioFollowsTheTree() throws {
        try indexTwoNotes()
        let server = try StdioServer(["serve", "--stdio", "--watch", "--index", index], logs: folder)

        try write("penguin.md", "Penguins live in Antarctica.")
        #expect(
            eventually { server.paths(["query": "penguins living in antarctica"]).first == "penguin.md" },
            "a created file: \(server.command.stderr)")

        try write("cat.md", "The zeppelin floated over the harbour.")
        #expect(
            eventually { server.paths(["query": "zeppelin", "mode": "keyword"]) == ["cat.md"] },
            "an edited file's new words")
        #expect(server.paths(["query": "cat mat", "mode": "keyword"]).isEmpty, "and not its old ones")

        try FileManager.default.removeItem(at: tree.appendingPathComponent("rust.md"))
        #expect(eventually { !server.paths(["query": "borrow checker"]).contains("rust.md") }, "a deleted file")

        let second = try runner.run(["index", "--index", index, tree.path])
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("pid \(server.command.pid)"), "\(second.stderr)")
        let watch = try runner.run(["watch", "--index", index, tree.path])
        #expect(watch.status == 2 && watch.stderr.contains("pid \(server.command.pid)"), "\(watch.stderr)")
        let index = server.call("index", [:])
        #expect((index["error"] as? [String: Any])?["code"] as? Int == -32000, "\(index)")

        try server.input.fileHandleForWriting.close()
        #expect(server.command.wait() == 0, "end of input stops it: \(server.command.stderr)")
        let lines = server.command.stdout.split(separator: "\n")
        #expect(server.command.messages.count == lines.count, "stdout holds JSON-RPC responses only")
        #expect(server.command.messages.allSatisfy { $0["jsonrpc"] as? String == "2.0" })
        #expect(server.command.stderr.contains("watching"), "the watch reports on stderr")
    }

    @Test("--socket: searches of other processes see a new file; SIGTERM removes the socket and exits 0")
    func socketFollowsTheTree() throws {
        try indexTwoNotes()
        let server = try BackgroundCommand(
            ["serve", "--socket", "--watch", "--index", index], logs: folder, name: "socket")
        let socket = index + ".sock"
        #expect(eventually { FileManager.default.fileExists(atPath: socket) }, "\(server.stderr)")
        try write("penguin.md", "Penguins live in Antarctica.")
        #expect(
            try eventually {
                let search = try runner.run(
                    ["search", "--index", index, "--json", "--no-session", "--timings", "penguins in antarctica"])
                let first = search.stdoutLines.compactMap { line -> String? in
                    let message = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    guard message?["type"] as? String == "result" else { return nil }
                    return (message?["data"] as? [String: Any])?["path"] as? String
                }.first
                return search.stderr.contains("(warm server)") && first?.hasSuffix("/penguin.md") == true
            }, "\(server.stderr)")
        server.send(SIGTERM)
        #expect(server.wait() == 0, "\(server.stderr)")
        #expect(!FileManager.default.fileExists(atPath: socket))
    }
}

/// A `serve --stdio` in the background, sent requests through a pipe.
final class StdioServer {
    let input = Pipe()
    let command: BackgroundCommand
    private var nextID = 0

    init(_ arguments: [String], logs: URL) throws {
        command = try BackgroundCommand(arguments, logs: logs, name: "serve", input: input)
    }

    /// Sends one request and waits for its response.
    func call(_ method: String, _ params: [String: Any]) -> [String: Any] {
        nextID += 1
        let id = nextID
        let request: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method, "params": params]
        guard let data = try? JSONSerialization.data(withJSONObject: request) else { return [:] }
        input.fileHandleForWriting.write(data + Data("\n".utf8))
        var reply: [String: Any] = [:]
        _ = eventually {
            reply = command.messages.first { $0["id"] as? Int == id } ?? [:]
            return !reply.isEmpty || !command.process.isRunning
        }
        return reply
    }

    /// The file names of a search's results, best first.
    func paths(_ params: [String: Any]) -> [String] {
        let results = (call("search", params)["result"] as? [String: Any])?["results"] as? [[String: Any]] ?? []
        return results.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
    }
}
