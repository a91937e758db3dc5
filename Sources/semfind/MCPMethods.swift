import Foundation
import SemfindCore

/// The Model Context Protocol methods `semfind mcp` answers: the lifecycle (`initialize`,
/// `notifications/initialized`, `ping`) and tools (`tools/list`, `tools/call`).
struct MCPMethods: JSONRPCMethods {
    /// Protocol revisions this server speaks, newest first.
    static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    var service: SearchService

    mutating func call(_ method: String, _ params: RequestParams) throws -> [String: Any] {
        switch method {
        case "initialize": return try initialize(params)
        case "notifications/initialized", "ping": return [:]
        case "tools/list": return ["tools": MCPToolCatalog.tools]
        case "tools/call": return try callTool(params)
        default: throw JSONRPCError.methodNotFound("no method \(method); semfind mcp offers tools only")
        }
    }

    /// Agrees on the client's protocol revision when this server speaks it, else offers its newest.
    private func initialize(_ params: RequestParams) throws -> [String: Any] {
        guard let asked = try params.string("protocolVersion") else {
            throw JSONRPCError.invalidParams("initialize needs a protocolVersion")
        }
        return [
            "protocolVersion": Self.protocolVersions.contains(asked) ? asked : Self.protocolVersions[0],
            "capabilities": ["tools": ["listChanged": false]],
            "serverInfo": ["name": "semfind", "version": Semfind.configuration.version],
            "instructions": MCPToolCatalog.instructions,
        ]
    }

    /// Runs a tool. An unknown tool is a protocol error; the tool's own failures (a missing query,
    /// no index, another model...) are results with `isError`, so the agent can read and retry.
    private mutating func callTool(_ params: RequestParams) throws -> [String: Any] {
        guard let name = try params.string("name") else { throw JSONRPCError.invalidParams("tools/call needs a name") }
        guard name == "search" || name == "status" else {
            throw JSONRPCError.invalidParams("no tool \(name); use search or status")
        }
        do {
            let arguments = try params.object("arguments") ?? RequestParams(values: [:])
            return name == "search" ? try search(arguments) : try status()
        } catch let failure as JSONRPCError {
            return toolError(failure.message)
        } catch let error as SemfindError {
            return toolError(error.message)
        } catch {
            return toolError("\(error)")
        }
    }

    private mutating func search(_ arguments: RequestParams) throws -> [String: Any] {
        let answer = try service.search(arguments)
        return toolResult(text: ToolResultText.search(answer), structured: answer.json)
    }

    private func status() throws -> [String: Any] {
        let status = try service.status()
        return toolResult(text: ToolResultText.status(status), structured: ResultJSON.status(status))
    }

    private func toolResult(text: String, structured: [String: Any]) -> [String: Any] {
        ["content": [["type": "text", "text": text]], "structuredContent": structured, "isError": false]
    }

    private func toolError(_ message: String) -> [String: Any] {
        ["content": [["type": "text", "text": message]], "isError": true]
    }
}
