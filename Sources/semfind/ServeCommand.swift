import ArgumentParser
import Foundation
import Indexer
import QueryEngine
import SemfindCore
import VectorStore

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
        let encoder = SharedEncoder(options: encoderOptions)
        var server = RequestHandler(indexPath: location.path, encoder: encoder)
        while let line = readLine(strippingNewline: true) {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if let reply = server.handle(line) {
                FileHandle.standardOutput.write(Data(ResultJSON.line(reply).utf8))
            }
        }
    }
}

/// Turns one JSON-RPC request into its response (nil for a notification).
struct RequestHandler {
    let indexPath: String
    let encoder: SharedEncoder
    private var engine: SearchEngine?

    init(indexPath: String, encoder: SharedEncoder) {
        self.indexPath = indexPath
        self.encoder = encoder
    }

    struct Failure: Error {
        let code: Int
        let message: String
    }

    mutating func handle(_ line: String) -> [String: Any]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
            let request = object as? [String: Any]
        else { return reply(id: NSNull(), error: Failure(code: -32700, message: "parse error: not a JSON object")) }
        let id = request["id"].map(Self.plainID)
        guard request["jsonrpc"] as? String == "2.0", let method = request["method"] as? String else {
            return reply(
                id: id ?? NSNull(),
                error: Failure(code: -32600, message: "invalid request: need jsonrpc 2.0 and a method"))
        }
        let params = request["params"] as? [String: Any] ?? [:]
        let result: Result<[String: Any], Failure>
        do {
            result = .success(try dispatch(method, params))
        } catch let failure as Failure {
            result = .failure(failure)
        } catch let error as SemfindError {
            result = .failure(Failure(code: -32000, message: error.message))
        } catch {
            result = .failure(Failure(code: -32000, message: "\(error)"))
        }
        guard let id else { return nil }
        switch result {
        case .success(let value): return ["jsonrpc": "2.0", "id": id, "result": value]
        case .failure(let failure): return reply(id: id, error: failure)
        }
    }

    /// A request id as a Swift value (JSON numbers arrive as NSNumber, which a writer could
    /// mistake for a boolean).
    private static func plainID(_ id: Any) -> Any {
        if let text = id as? String { return text }
        if let number = id as? NSNumber {
            let value = number.doubleValue
            return value.rounded() == value && abs(value) < 1e15 ? Int(value) : value
        }
        return NSNull()
    }

    private func reply(id: Any, error: Failure) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "error": ["code": error.code, "message": error.message]]
    }

    private mutating func dispatch(_ method: String, _ params: [String: Any]) throws -> [String: Any] {
        switch method {
        case "search": return try search(params)
        case "status": return ResultJSON.status(try IndexStore(path: indexPath, create: false).status())
        case "index": return try index(params)
        default: throw Failure(code: -32601, message: "no method \(method); use search, status or index")
        }
    }

    private mutating func search(_ params: [String: Any]) throws -> [String: Any] {
        let started = DispatchTime.now().uptimeNanoseconds
        guard let raw = params["query"] as? String else { throw Failure(code: -32602, message: "search needs a query") }
        let mode = try (params["mode"] as? String).map { name in
            guard let mode = SearchMode(rawValue: name) else {
                throw Failure(code: -32602, message: "mode must be semantic, keyword or hybrid")
            }
            return mode
        }
        let context: QueryContext? =
            (params["context"] as? String).map { .given($0) } ?? (params["session"] as? [String]).map { .session($0) }
        let request = SearchRequest(
            query: try QueryText.clean(raw), mode: mode ?? .hybrid, limit: max(1, params["limit"] as? Int ?? 10),
            minScore: params["min_score"] as? Double,
            filter: SearchFilter(
                folders: params["in"] as? [String] ?? [], globs: params["glob"] as? [String] ?? [],
                plugins: params["type"] as? [String] ?? []),
            context: context)
        let engine = try currentEngine()
        try engine.reloadIfChanged()
        let response = try engine.search(request)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return [
            "begin": ResultJSON.begin(request, response, index: indexPath),
            "warnings": response.warnings,
            "results": response.results.enumerated().map {
                ResultJSON.result($0.element, rank: $0.offset + 1, shownPath: $0.element.hit.path)
            },
            "summary": ResultJSON.summary(response, seconds: seconds),
        ]
    }

    private mutating func index(_ params: [String: Any]) throws -> [String: Any] {
        let roots =
            try (params["folders"] as? [String]).map { try $0.map(IndexCommand.absolutePath) }
            ?? IndexStore(path: indexPath, create: false).status().roots
        guard !roots.isEmpty else { throw Failure(code: -32602, message: "index needs folders (the index has none)") }
        let lock = try WriterLock(indexPath: indexPath, wait: false)
        defer { withExtendedLifetime(lock) {} }
        let options = IndexOptions(roots: roots, walk: WalkOptions(), chunker: ChunkerOptions())
        let pipeline = IndexPipeline(
            storePath: indexPath, encoder: try encoder.load(), registry: Plugins.registry, options: options)
        let summary = try pipeline.run { _ in }
        return IndexReporter.fields(summary)
    }

    private mutating func currentEngine() throws -> SearchEngine {
        if let engine { return engine }
        let made = SearchEngine(store: try IndexStore(path: indexPath, create: false), encoder: encoder.load)
        engine = made
        return made
    }
}
