import Foundation
import TestSupport
import Testing

/// `semfind serve --stdio` as an editor drives it: requests in, one response line each, out.
@Suite("Serve command, end to end")
struct ServeCommandTests {
    func responses(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// A folder with the garden note indexed, and a runner pointed at its index.
    func indexedGarden(_ name: String) throws -> (folder: String, runner: CommandRunner) {
        let folder = TestScratch.root.path + "/\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/notes", withIntermediateDirectories: true)
        try Data("# Garden\n\nWater the tomatoes in the morning.\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/notes/garden.md"))
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = folder + "/index.sqlite"
        try #require(try runner.run(["index", folder + "/notes"]).status == 0)
        return (folder, runner)
    }

    @Test("search, status, index and errors; a search after an index run sees the new file")
    func session() throws {
        let (folder, runner) = try indexedGarden("semfind-serve")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("# Telescope\n\nCollimate the mirrors of the telescope before observing Jupiter.\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/notes/telescope.md"))

        let search =
            #"{"jsonrpc": "2.0", "id": ID, "method": "search", "params": {"query": "aligning telescope optics", "limit": 1, "floor": false}}"#
        let requests = [
            search.replacingOccurrences(of: "ID", with: "1"),
            #"{"jsonrpc": "2.0", "id": 2, "method": "index"}"#,
            search.replacingOccurrences(of: "ID", with: "3"),
            #"{"jsonrpc": "2.0", "id": 4, "method": "status"}"#,
            #"{"jsonrpc": "2.0", "method": "status"}"#,
            "not json",
            #"{"jsonrpc": "2.0", "id": 5, "method": "delete everything"}"#,
            #"{"jsonrpc": "2.0", "id": 6, "method": "search", "params": {"query": "   "}}"#,
            #"{"jsonrpc": "2.0", "id": 7, "method": "search", "params": {"limit": 3}}"#,
        ]
        let result = try runner.run(["serve", "--stdio"], text: requests.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let replies = responses(result.stdout)
        #expect(replies.map { "\($0["id"] ?? "-")" } == ["1", "2", "3", "4", "<null>", "5", "6", "7"])

        func topPath(_ reply: [String: Any]) -> String? {
            let results = (reply["result"] as? [String: Any])?["results"] as? [[String: Any]]
            return results?.first?["path"] as? String
        }
        #expect(topPath(replies[0])?.hasSuffix("garden.md") == true, "only the garden note is indexed yet")
        #expect((replies[1]["result"] as? [String: Any])?["indexed"] as? Int == 1)
        #expect(topPath(replies[2])?.hasSuffix("telescope.md") == true, "the new note is found after index")
        #expect((replies[3]["result"] as? [String: Any])?["files"] as? Int == 2)
        let codes = replies[4...].map { ($0["error"] as? [String: Any])?["code"] as? Int }
        #expect(codes == [-32700, -32601, -32000, -32602])
    }

    @Test("serve and mcp remember their searches in the shell session, as a search on the command line does")
    func remembersSession() throws {
        let (folder, indexed) = try indexedGarden("semfind-serve-session")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var runner = indexed
        runner.environment["SEMFIND_SESSION"] = "serve-session-test"

        let served = try runner.run(
            ["serve", "--stdio"],
            text: #"{"jsonrpc": "2.0", "id": 1, "method": "search", "params": {"query": "watering tomatoes"}}"# + "\n")
        #expect(served.status == 0, "\(served.stderr)")
        let tool =
            #"{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "search", "arguments": {"query": "morning chores"}}}"#
        #expect(try runner.run(["mcp"], text: tool + "\n").status == 0)
        let remembered = try runner.run(["session", "show"])
        let lines = remembered.stdoutLines
        #expect(lines.count == 2, "\(remembered.stdout)")
        #expect(
            lines.first?.hasSuffix("  morning chores") == true && lines.last?.hasSuffix("  watering tomatoes") == true)
    }

    @Test("a batch or a non-object request is an invalid request (-32600), not a parse error; an object id is echoed")
    func invalidRequests() throws {
        var runner = CommandRunner()
        runner.environment["SEMFIND_INDEX"] = TestScratch.root.path + "/no-index-\(UUID().uuidString).sqlite"
        let requests = [
            #"[{"jsonrpc": "2.0", "id": 1, "method": "status"}]"#,
            #"42"#,
            #""status""#,
            #"{"jsonrpc": "2.0", "id": {"n": 1}, "method": "status"}"#,
            #"{"jsonrpc": "2.0", "id": [1, 2], "method": "status"}"#,
            "{not json",
        ]
        let result = try runner.run(["serve", "--stdio"], text: requests.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let replies = responses(result.stdout)
        let codes = replies.map { ($0["error"] as? [String: Any])?["code"] as? Int }
        #expect(codes == [-32600, -32600, -32600, -32600, -32600, -32700])
        #expect(replies[3]["id"] as? [String: Int] == ["n": 1])
        #expect(replies[4]["id"] as? [Int] == [1, 2])
        #expect(replies[0]["id"] is NSNull)
    }
}
