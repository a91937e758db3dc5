import ArgumentParser
import Foundation
import Indexer

/// `semfind serve --stdio`: JSON-RPC 2.0 over standard input and output, one message per line,
/// with the model and the vectors kept in memory between requests
/// (share/semfind/schema/serve.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer search, status and index requests as JSON-RPC 2.0 over stdin/stdout.",
        discussion: "One request per line in, one response per line out; end of input stops the server.")

    @Flag(name: .long, help: "Talk over standard input and output (the only transport).")
    var stdio = false

    @OptionGroup var location: IndexLocation
    @OptionGroup var encoderOptions: EncoderOptions

    func validate() throws {
        guard stdio else { throw ValidationError("give --stdio: requests come on standard input") }
    }

    func run() throws {
        let service = SearchService(indexPath: location.path, encoder: SharedEncoder(options: encoderOptions))
        var endpoint = JSONRPCEndpoint(methods: ServeMethods(service: service))
        endpoint.serveStandardIO()
    }
}

/// `serve`'s methods: `search`, `status` and `index`.
struct ServeMethods: JSONRPCMethods {
    var service: SearchService

    mutating func call(_ method: String, _ params: RequestParams) throws -> [String: Any] {
        switch method {
        case "search": return try service.search(params).json
        case "status": return ResultJSON.status(try service.status())
        case "index": return try index(params)
        default: throw JSONRPCError.methodNotFound("no method \(method); use search, status or index")
        }
    }

    private func index(_ params: RequestParams) throws -> [String: Any] {
        let roots =
            try params.strings("folders").map { try $0.map(IndexCommand.absolutePath) } ?? service.status().roots
        guard !roots.isEmpty else { throw JSONRPCError.invalidParams("index needs folders (the index has none)") }
        let options = IndexOptions(roots: roots, walk: WalkOptions(), chunker: ChunkerOptions())
        let pipeline = IndexPipeline(
            storePath: service.indexPath, encoder: try service.encoder.load(), registry: Plugins.registry,
            options: options)
        let summary = try pipeline.run { _ in }
        return IndexReporter.fields(summary)
    }
}
