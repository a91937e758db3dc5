import Foundation
import ResultOutput
import SemfindCore

/// The Model Context Protocol methods `semfind mcp` answers: the lifecycle (`initialize`,
/// `notifications/initialized`, `ping`) and tools (`tools/list`, `tools/call`).
public struct MCPMethods: JSONRPCMethods {
    /// Protocol revisions this server speaks, newest first.
    public static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    var service: SearchService
    let catalog: MCPToolCatalog
    /// semfind's version, as `initialize` names the server.
    let version: String

    public init(service: SearchService, catalog: MCPToolCatalog, version: String) {
        self.service = service
        self.catalog = catalog
        self.version = version
    }

    public mutating func call(_ method: String, _ params: RequestParams) throws -> any Encodable {
        switch method {
        case "initialize": return try initialize(params)
        case "notifications/initialized", "ping": return JSONValue.object([:])
        case "tools/list": return ["tools": .array(catalog.tools)] as JSONValue
        case "tools/call": return try callTool(params)
        default: throw JSONRPCError.methodNotFound("no method \(method); semfind mcp offers tools only")
        }
    }

    /// Agrees on the client's protocol revision when this server speaks it, else offers its newest.
    private func initialize(_ params: RequestParams) throws -> JSONValue {
        guard let asked = try params.string("protocolVersion") else {
            throw JSONRPCError.invalidParams("initialize needs a protocolVersion")
        }
        return [
            "protocolVersion": .string(Self.protocolVersions.contains(asked) ? asked : Self.protocolVersions[0]),
            "capabilities": ["tools": ["listChanged": false]],
            "serverInfo": ["name": "semfind", "version": .string(version)],
            "instructions": .string(MCPToolCatalog.instructions),
        ]
    }

    /// Runs a tool. An unknown tool is a protocol error; the tool's own failures (a missing query,
    /// no index, another model...) are results with `isError`, so the agent can read and retry.
    private mutating func callTool(_ params: RequestParams) throws -> ToolResult {
        guard let name = try params.string("name") else { throw JSONRPCError.invalidParams("tools/call needs a name") }
        guard name == "search" || name == "status" else {
            throw JSONRPCError.invalidParams("no tool \(name); use search or status")
        }
        do {
            let arguments = try params.object("arguments") ?? RequestParams(values: [:])
            if name == "search" {
                let answer = try service.search(arguments)
                return ToolResult(text: ToolResultText.search(answer), structured: answer.json)
            }
            let status = try service.status()
            return ToolResult(text: ToolResultText.status(status), structured: StatusReport(status))
        } catch let failure as JSONRPCError {
            return ToolResult(error: failure.message)
        } catch let error as SemfindError {
            return ToolResult(error: error.message)
        } catch {
            return ToolResult(error: "\(error)")
        }
    }
}

/// A `tools/call` result: the text a person reads and, unless it failed, the same facts as
/// structured content.
public struct ToolResult: Encodable {
    public struct Content: Codable, Equatable {
        public let type: String
        public let text: String
    }

    public let content: [Content]
    public let structuredContent: (any Encodable)?
    public let isError: Bool

    init(text: String, structured: any Encodable) {
        content = [Content(type: "text", text: text)]
        structuredContent = structured
        isError = false
    }

    init(error message: String) {
        content = [Content(type: "text", text: message)]
        structuredContent = nil
        isError = true
    }

    private enum CodingKeys: String, CodingKey { case content, structuredContent, isError }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(content, forKey: .content)
        if let structuredContent { try container.encode(structuredContent, forKey: .structuredContent) }
        try container.encode(isError, forKey: .isError)
    }
}
