import Foundation
import TestSupport
import Testing

/// `semfind mcp` spoken to line by line: what the SDK test does not reach (other protocol
/// revisions, notifications, unknown methods, a missing index).
@Suite("MCP command, raw protocol")
struct MCPCommandTests {
    func replies(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func initialize(id: Int, version: String) -> String {
        #"{"jsonrpc": "2.0", "id": \#(id), "method": "initialize", "params": {"protocolVersion": "\#(version)", "#
            + #""capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}"#
    }

    @Test("agrees on each revision it speaks, else offers its newest; answers requests only; -32601 for the rest")
    func lifecycle() throws {
        let folder = NSTemporaryDirectory() + "semfind-mcp-raw-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let requests = [
            initialize(id: 1, version: "2024-11-05"),
            initialize(id: 2, version: "2025-03-26"),
            initialize(id: 3, version: "2025-06-18"),
            initialize(id: 4, version: "1999-01-01"),
            #"{"jsonrpc": "2.0", "method": "notifications/initialized"}"#,
            #"{"jsonrpc": "2.0", "id": "five", "method": "ping"}"#,
            #"{"jsonrpc": "2.0", "id": 6, "method": "resources/list"}"#,
            #"{"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "status"}}"#,
            #"{"jsonrpc": "2.0", "id": 8, "method": "tools/call", "params": {"name": "search", "arguments": {"query": "x", "limit": "ten"}}}"#,
        ]
        let result = try CommandRunner().run(
            ["mcp", "--index", folder + "/missing.sqlite"], text: requests.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let answers = try replies(result.stdout)
        #expect(answers.map { "\($0["id"] ?? "-")" } == ["1", "2", "3", "4", "five", "6", "7", "8"])
        let versions = answers.prefix(4).map { ($0["result"] as? [String: Any])?["protocolVersion"] as? String }
        #expect(versions == ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"])
        let info = (answers[0]["result"] as? [String: Any])?["serverInfo"] as? [String: Any]
        #expect(info?["name"] as? String == "semfind")
        #expect((answers[4]["result"] as? [String: Any])?.isEmpty == true, "ping answers an empty result")
        #expect((answers[5]["error"] as? [String: Any])?["code"] as? Int == -32601)

        func toolError(_ answer: [String: Any]) -> String? {
            guard let result = answer["result"] as? [String: Any], result["isError"] as? Bool == true else {
                return nil
            }
            return ((result["content"] as? [[String: Any]])?.first)?["text"] as? String
        }
        #expect(toolError(answers[6])?.contains("missing.sqlite") == true, "\(answers[6])")
        #expect(toolError(answers[7]) == "limit must be a whole number")
    }
}
