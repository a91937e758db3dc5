import IndexStorage
import VectorStore

/// The session rule, the one place that says how a shell session's queries are used: a query
/// without context of its own is read with the session's last `recentCount` queries of the last
/// `windowSeconds` (the engine blends them in only when the query is short), and every query
/// asked in a session is remembered, for `retentionSeconds` and at most `retentionCount` of
/// them. The command line, the warm server, `serve` and `mcp` all search through it.
public struct QuerySession: Sendable, Equatable {
    /// The session's name (`SessionIdentity`).
    public let identity: String

    public static let windowSeconds: Int64 = 900
    public static let recentCount = 3
    public static let retentionSeconds: Int64 = 3600
    public static let retentionCount = 50

    public init(identity: String) { self.identity = identity }

    /// The session of this process (`SessionIdentity.current`), nil without one.
    public static func current() -> QuerySession? { SessionIdentity.current().map(QuerySession.init) }

    /// The queries the session still remembers, newest first (`semfind session show`).
    public func remembered(in store: any SessionLog) throws -> [SessionQuery] {
        try store.recentQueries(session: identity, withinSeconds: Self.retentionSeconds, limit: Self.retentionCount)
    }

    /// `request` with the session's recent queries as its context, unless it has a context or
    /// the session has no other recent query.
    func reading(_ request: SearchRequest, in store: any SessionLog) throws -> SearchRequest {
        guard request.context == nil else { return request }
        let recent = try store.recentQueries(
            session: identity, withinSeconds: Self.windowSeconds, limit: Self.recentCount
        )
        .map(\.text).filter { $0 != request.query }
        var read = request
        if !recent.isEmpty { read.context = .session(recent) }
        return read
    }

    /// Remembers `query`; a failure (a read-only index) only means it is not remembered.
    func remember(_ query: String, in store: any SessionLog) {
        try? store.recordQuery(
            query, session: identity, keepSeconds: Self.retentionSeconds, keepCount: Self.retentionCount)
    }
}

extension SearchEngine {
    /// Searches as a user in `session` asks: read with the session's recent queries (the
    /// session rule, `QuerySession`), then remembered in it. Without a session, `search(_:)`.
    public func search(_ request: SearchRequest, session: QuerySession?) throws -> SearchResponse {
        guard let session else { return try search(request) }
        let response = try search(try session.reading(request, in: store))
        session.remember(request.query, in: store)
        return response
    }
}
