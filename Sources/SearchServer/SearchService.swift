import Foundation
import IndexBackends
import IndexStorage
import QueryEngine
import ResultOutput
import VectorStore

/// The search and status that both servers (`serve`, `mcp`) answer, with the encoder and the
/// index's vectors kept loaded between requests. Searches are read with and remembered in
/// `session` as the command line's are (`QuerySession`).
public struct SearchService {
    /// The index, a SQLite file or a PostgreSQL schema.
    public let index: IndexAddress
    public let encoder: SharedEncoder
    public let session: QuerySession?
    private var engine: SearchEngine?

    public init(index: IndexAddress, encoder: SharedEncoder, session: QuerySession?) {
        self.index = index
        self.encoder = encoder
        self.session = session
    }

    /// The service of the SQLite index at `indexPath`.
    public init(indexPath: String, encoder: SharedEncoder, session: QuerySession?) {
        self.init(index: .sqlite(path: indexPath), encoder: encoder, session: session)
    }

    /// One search's request, its response and how long it took.
    public struct Answer {
        public let request: SearchRequest
        public let response: SearchResponse
        public let seconds: Double
        public let index: String

        /// `serve`'s search result: the `data` of `search --json`'s messages, paths absolute.
        public var json: SearchAnswer { SearchAnswer(request, response, index: index, seconds: seconds) }
    }

    /// Searches with `params` (share/semfind/schema/serve.md), reloading the vectors first when
    /// the index changed on disk.
    public mutating func search(_ params: RequestParams) throws -> Answer {
        let started = DispatchTime.now().uptimeNanoseconds
        guard let raw = try params.string("query") else { throw JSONRPCError.invalidParams("search needs a query") }
        let mode = try params.string("mode").map { name in
            guard let mode = SearchMode(rawValue: name) else {
                throw JSONRPCError.invalidParams("mode must be semantic, keyword or hybrid")
            }
            return mode
        }
        let context: QueryContext? =
            try params.string("context").map { .given($0) } ?? params.strings("session").map { .session($0) }
        let request = SearchRequest(
            query: try QueryText.clean(raw), mode: mode ?? .hybrid, limit: max(1, try params.integer("limit") ?? 10),
            minScore: try params.number("min_score"), appliesFloor: try params.boolean("floor") ?? true,
            maxPerFile: try params.integer("max_per_file").map { max(1, $0) },
            filter: SearchFilter(
                folders: try params.strings("in") ?? [], globs: try params.strings("glob") ?? [],
                plugins: try params.strings("type") ?? []),
            context: context)
        let engine = try currentEngine()
        let response = try engine.search(request, session: session)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Answer(request: request, response: response, seconds: seconds, index: index.description)
    }

    public func status() throws -> IndexStatus {
        try index.open(create: false).status()
    }

    /// The warm engine, ready for a search: its vectors reloaded when the index changed, and
    /// the whole engine opened again when a SQLite index's file is no longer the one it has
    /// open (the index was rebuilt or deleted).
    public mutating func currentEngine() throws -> SearchEngine {
        if let engine, (engine.store as? IndexStore)?.isStillAtPath ?? true {
            try engine.reloadIfChanged()
            return engine
        }
        engine = nil
        let made = try Self.warmEngine(index: index, encoder: encoder)
        engine = made
        return made
    }

    /// Loads what a search needs (the engine, the model, the vectors, the keyword search's
    /// connection) by running one search whose answer is dropped, so that the first search
    /// asked finds them ready.
    public mutating func warmUp() throws {
        _ = try currentEngine().search(SearchRequest(query: "warm up"))
    }

    /// The engine of a long-lived server: its int8 scan is split over every core (two blocks
    /// each, so that a core the keyword search still holds takes fewer).
    public static func warmEngine(index: IndexAddress, encoder: SharedEncoder) throws -> SearchEngine {
        let engine = try SearchEngine(index: index, encoder: encoder.load)
        engine.scanBlocks = 2 * ProcessInfo.processInfo.activeProcessorCount
        return engine
    }
}
