/// One search, as the command line or an editor asks it.
public struct SearchRequest: Sendable {
    public var query: String
    public var mode: SearchMode
    /// How many results.
    public var limit: Int
    /// Results below this are left out: cosine similarity in semantic and hybrid modes, BM25 in
    /// keyword mode.
    public var minScore: Double?
    /// Leave out semantic-only results below the index's relevance floor (unless `minScore` is
    /// given, which replaces it; results with a strong keyword match stay).
    public var appliesFloor: Bool
    /// At most this many passages of one file (nil: no limit); the next files fill the list.
    public var maxPerFile: Int?
    /// How many passages of one file `semfind QUERY` shows unless told otherwise (and what
    /// `semfind eval` scores, so that it measures what a user sees).
    public static let defaultMaxPerFile = 3
    public var filter: SearchFilter
    /// Text to blend into a short query: `--context`, or the session's recent queries.
    public var context: QueryContext?

    public init(
        query: String, mode: SearchMode = .hybrid, limit: Int = 10, minScore: Double? = nil,
        appliesFloor: Bool = true, maxPerFile: Int? = nil, filter: SearchFilter = SearchFilter(),
        context: QueryContext? = nil
    ) {
        self.query = query
        self.mode = mode
        self.limit = limit
        self.minScore = minScore
        self.appliesFloor = appliesFloor
        self.maxPerFile = maxPerFile
        self.filter = filter
        self.context = context
    }
}

/// What a short query is read together with.
public enum QueryContext: Sendable, Equatable {
    /// Text given with the query (`--context`, `--context-file`: an editor's text around the cursor).
    case given(String)
    /// The same shell session's recent queries, most recent first.
    case session([String])

    var text: String {
        switch self {
        case .given(let text): text
        case .session(let queries): queries.joined(separator: ". ")
        }
    }

    var source: String {
        switch self {
        case .given: "context"
        case .session: "session"
        }
    }
}
