import Foundation
import MCP
import TestSupport
import Testing

/// `semfind mcp` driven by a real MCP client, the official Swift SDK's, over stdio: the
/// handshake, the tool list, searches of a real index with the installed model, and bad calls.
@Suite("MCP server, with the MCP SDK's client")
struct MCPClientTests {
    /// Indexes two notes into a fresh index in `folder`; returns the index's path.
    func makeIndex(in folder: String, model: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder + "/notes", withIntermediateDirectories: true)
        try Data("# Garden\n\nWater the tomatoes in the morning.\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/notes/garden.md"))
        try Data("# Telescope\n\nCollimate the mirrors of the telescope before observing Jupiter.\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/notes/telescope.md"))
        let index = folder + "/index.sqlite"
        let indexer = Process()
        indexer.executableURL = BuiltBinary.url
        indexer.arguments = ["index", "--index", index, "--model", model, folder + "/notes"]
        indexer.standardOutput = FileHandle.nullDevice
        indexer.standardError = FileHandle.nullDevice
        try indexer.run()
        indexer.waitUntilExit()
        try #require(indexer.terminationStatus == 0, "semfind index failed")
        return index
    }

    func text(_ content: [Tool.Content]) -> String {
        content.compactMap { if case .text(let text, _, _) = $0 { text } else { nil } }.joined(separator: "\n")
    }

    @Test("initialize, tools/list, tools/call of search and status, and calls that fail")
    func exchange() async throws {
        let folder = NSTemporaryDirectory() + "semfind-mcp-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try InstalledModel.folder().path
        let index = try makeIndex(in: folder, model: model)
        let server = try MCPServerProcess(
            arguments: ["--index", index, "--model", model], errorLog: folder + "/stderr.txt")

        let client = Client(name: "semfind-tests", version: "1.0")
        let initialized = try await client.connect(transport: server.transport)
        #expect(initialized.serverInfo.name == "semfind")
        #expect(initialized.protocolVersion == Version.latest, "the client's own revision is agreed on")
        #expect(initialized.capabilities.tools != nil)

        let tools = try await client.listTools().tools
        #expect(tools.map(\.name).sorted() == ["search", "status"])
        let search = try #require(tools.first { $0.name == "search" })
        #expect(search.inputSchema.objectValue?["required"] == ["query"])
        #expect(search.description?.isEmpty == false)

        let arguments: [String: Value] = ["query": "aligning telescope optics", "limit": 1, "mode": "semantic"]
        let found = try await client.send(CallTool.request(.init(name: "search", arguments: arguments))).value
        #expect(found.isError != true, "\(text(found.content))")
        #expect(text(found.content).contains("telescope.md"), "\(text(found.content))")
        let structured = try #require(found.structuredContent?.objectValue)
        let results = structured["results"]?.arrayValue ?? []
        #expect(results.count == 1)
        #expect(results.first?.objectValue?["path"]?.stringValue?.hasSuffix("/notes/telescope.md") == true)
        #expect(structured["begin"]?.objectValue?["mode"] == "semantic")
        #expect(structured["summary"]?.objectValue?["results"] == 1)

        let status = try await client.send(CallTool.request(.init(name: "status", arguments: [:]))).value
        #expect(status.isError != true)
        #expect(status.structuredContent?.objectValue?["files"] == 2)
        #expect(text(status.content).contains("2 files"), "\(text(status.content))")

        let noQuery = try await client.callTool(name: "search", arguments: ["limit": 3])
        #expect(noQuery.isError == true)
        #expect(text(noQuery.content) == "search needs a query")
        let badMode = try await client.callTool(name: "search", arguments: ["query": "telescope", "mode": "fuzzy"])
        #expect(badMode.isError == true)
        #expect(text(badMode.content) == "mode must be semantic, keyword or hybrid")

        await #expect(throws: MCPError.self, "an unknown tool is a protocol error") {
            try await client.callTool(name: "delete_everything", arguments: [:])
        }
        try await client.ping()

        await client.disconnect()
        #expect(server.stop() == 0, "\(server.stderr)")
    }
}
