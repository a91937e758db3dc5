import ArgumentParser
import QueryEngine
import SearchServer

/// `semfind mcp`: a Model Context Protocol server over standard input and output, for agents;
/// its tools are `search` and `status` (README, "Agents (MCP)").
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve search and status as Model Context Protocol tools over stdin/stdout.",
        discussion: """
            An MCP client (an agent) starts this command and speaks JSON-RPC 2.0 to it, one message per \
            line; end of input stops the server. Only protocol messages go to standard output.
            """)

    @OptionGroup var location: AnyIndexLocation
    @OptionGroup var encoderOptions: EncoderOptions

    func run() throws {
        let index = try location.address()
        let service = SearchService(
            index: index, encoder: encoderOptions.shared(forIndexAt: index), session: QuerySession.current())
        let catalog = MCPToolCatalog(formats: Plugins.builtIn.map(\.name))
        var endpoint = JSONRPCEndpoint(
            methods: MCPMethods(service: service, catalog: catalog, version: Semfind.configuration.version))
        endpoint.serveStandardIO()
    }
}
