import ArgumentParser
import Foundation
import Indexer
import VectorStore

/// `semfind serve`: the model and the vectors kept in memory between requests. `--stdio` speaks
/// JSON-RPC 2.0 over standard input and output, one message per line
/// (share/semfind/schema/serve.md); `--socket` answers other processes' searches (`QueryServer`).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Keep the model and the vectors warm: for an editor over stdin/stdout, or for every search.",
        discussion: """
            --stdio: JSON-RPC 2.0, one request per line in, one response per line out; end of input stops \
            the server (share/semfind/schema/serve.md).
            --socket: listen on INDEX.sock; every `semfind QUERY` on that index is then answered by this \
            server, without loading the model (search --no-server opts out). Stop it with Ctrl-C or SIGTERM.
            """)

    @Flag(name: .long, help: "Answer JSON-RPC requests on standard input and output.")
    var stdio = false

    @Flag(name: .long, help: "Answer the searches of other semfind processes on a socket beside the index.")
    var socket = false

    @OptionGroup var location: IndexLocation
    @OptionGroup var encoderOptions: EncoderOptions

    func validate() throws {
        guard stdio != socket else {
            throw ValidationError("give one of --stdio (an editor talks on stdin/stdout) and --socket (for searches)")
        }
    }

    func run() throws {
        let encoder = SharedEncoder(options: encoderOptions)
        if socket {
            let server = try QueryServer(indexPath: location.path, encoder: encoder)
            let socketPath = QueryServer.socketPath(forIndex: location.path)
            FileHandle.standardError.write(
                Data("semfind: answering searches of \(location.path) at \(socketPath)\n".utf8))
            server.run()
            return
        }
        let service = SearchService(indexPath: location.path, encoder: encoder)
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
        let lock = try WriterLock(indexPath: service.indexPath, wait: false)
        defer { withExtendedLifetime(lock) {} }
        let options = IndexOptions(roots: roots, walk: WalkOptions(), chunker: ChunkerOptions())
        let pipeline = IndexPipeline(
            storePath: service.indexPath, encoder: try service.encoder.load(), registry: Plugins.registry,
            options: options)
        let summary = try pipeline.run { _ in }
        return IndexReporter.fields(summary)
    }
}
