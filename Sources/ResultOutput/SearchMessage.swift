import QueryEngine

/// The JSON Lines of `search --json`, each `{"type": …, "data": …}`
/// (share/semfind/schema/search.schema.json describes them): a `begin`, the warnings, the
/// results, then a `summary`.
public enum SearchMessage: Codable, Equatable, Sendable {
    case begin(SearchBegin)
    case warning(SearchWarning)
    case result(SearchResultRecord)
    case summary(SearchSummary)

    private enum CodingKeys: String, CodingKey { case type, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "begin": self = .begin(try container.decode(SearchBegin.self, forKey: .data))
        case "warning": self = .warning(try container.decode(SearchWarning.self, forKey: .data))
        case "result": self = .result(try container.decode(SearchResultRecord.self, forKey: .data))
        case "summary": self = .summary(try container.decode(SearchSummary.self, forKey: .data))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "no message type \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .begin(let data):
            try container.encode("begin", forKey: .type)
            try container.encode(data, forKey: .data)
        case .warning(let data):
            try container.encode("warning", forKey: .type)
            try container.encode(data, forKey: .data)
        case .result(let data):
            try container.encode("result", forKey: .type)
            try container.encode(data, forKey: .data)
        case .summary(let data):
            try container.encode("summary", forKey: .type)
            try container.encode(data, forKey: .data)
        }
    }

    /// The messages of one search, in order; `shownPath` gives each result's `path`.
    public static func all(
        _ request: SearchRequest, _ response: SearchResponse, index: String, seconds: Double,
        shownPath: (String) -> String
    ) -> [SearchMessage] {
        [.begin(SearchBegin(request, response, index: index))]
            + response.warnings.map { .warning(SearchWarning(message: $0)) }
            + response.results.enumerated().map {
                .result(SearchResultRecord($0.element, rank: $0.offset + 1, shownPath: shownPath($0.element.hit.path)))
            }
            + [.summary(SearchSummary(response, seconds: seconds))]
    }
}

/// What was searched, and how the query was read.
public struct SearchBegin: Codable, Equatable, Sendable {
    public struct Augmentation: Codable, Equatable, Sendable {
        public let source: String
        public let text: String
    }

    /// 2: results of paged formats (PDF) have `page_start` and `page_end`, and their lines
    /// count within those pages.
    public static let currentSchemaVersion = 2

    public let schemaVersion: Int
    public let query: String
    public let mode: String
    public let limit: Int
    public let index: String
    public let augmentedBy: Augmentation?
    public let queryPieces: Int?
    public let relevanceFloor: Double?

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", query, mode, limit, index, augmentedBy = "augmented_by"
        case queryPieces = "query_pieces", relevanceFloor = "relevance_floor"
    }

    public init(_ request: SearchRequest, _ response: SearchResponse, index: String) {
        schemaVersion = Self.currentSchemaVersion
        query = request.query
        mode = request.mode.rawValue
        limit = request.limit
        self.index = index
        augmentedBy = response.augmentation.map { Augmentation(source: $0.source, text: $0.text) }
        queryPieces = response.pieces
        relevanceFloor = response.relevanceFloor.map(finite)
    }
}

public struct SearchWarning: Codable, Equatable, Sendable {
    public let message: String
}

/// One result; `path` is as the reader should see it (relative or absolute).
public struct SearchResultRecord: Codable, Equatable, Sendable {
    public let rank: Int
    public let path: String
    public let absolutePath: String
    public let firstLine: Int
    public let lastLine: Int
    public let firstByte: Int
    public let endByte: Int
    public let pageStart: Int?
    public let pageEnd: Int?
    public let headingPath: [String]
    public let score: Double
    public let similarity: Double?
    public let keywordRank: Int?
    public let snippet: String
    /// Byte ranges of `snippet` to highlight, each `[start, end]`.
    public let highlights: [[Int]]
    public let text: String
    public let stale: Bool
    public let format: String

    private enum CodingKeys: String, CodingKey {
        case rank, path, absolutePath = "absolute_path", firstLine = "first_line", lastLine = "last_line"
        case firstByte = "first_byte", endByte = "end_byte", pageStart = "page_start", pageEnd = "page_end"
        case headingPath = "heading_path", score, similarity, keywordRank = "keyword_rank", snippet, highlights
        case text, stale, format
    }

    public init(_ result: SearchResult, rank: Int, shownPath: String) {
        let hit = result.hit
        self.rank = rank
        path = shownPath
        absolutePath = hit.path
        firstLine = hit.span.firstLine
        lastLine = hit.span.lastLine
        firstByte = hit.span.bytes.lowerBound
        endByte = hit.span.bytes.upperBound
        pageStart = hit.span.pages?.lowerBound
        pageEnd = hit.span.pages?.upperBound
        headingPath = hit.headingPath
        score = finite(result.score)
        similarity = result.similarity.map(finite)
        keywordRank = result.keywordRank
        snippet = result.snippet.text
        highlights = result.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }
        text = hit.text
        stale = result.stale
        format = hit.plugin
    }
}

/// `below_floor` is present when the relevance floor applied (as `begin`'s `relevance_floor`);
/// `embedded_chunks` and `indexed_chunks` while some of the index's chunks wait for vectors.
public struct SearchSummary: Codable, Equatable, Sendable {
    public let results: Int
    public let elapsedMilliseconds: Double
    public let lowConfidence: Bool
    public let vanished: Int
    public let belowFloor: Int?
    public let embeddedChunks: Int?
    public let indexedChunks: Int?

    private enum CodingKeys: String, CodingKey {
        case results, elapsedMilliseconds = "elapsed_ms", lowConfidence = "low_confidence", vanished
        case belowFloor = "below_floor", embeddedChunks = "embedded_chunks", indexedChunks = "indexed_chunks"
    }

    public init(_ response: SearchResponse, seconds: Double) {
        results = response.results.count
        elapsedMilliseconds = seconds * 1000
        lowConfidence = response.lowConfidence
        vanished = response.vanished
        belowFloor = response.relevanceFloor == nil ? nil : response.belowFloor
        embeddedChunks = response.embedding?.embedded
        indexedChunks = response.embedding?.chunks
    }
}

/// `serve`'s search result (and `mcp`'s structured content): the `data` of `search --json`'s
/// messages in one object, paths absolute.
public struct SearchAnswer: Codable, Equatable, Sendable {
    public let begin: SearchBegin
    public let warnings: [String]
    public let results: [SearchResultRecord]
    public let summary: SearchSummary

    public init(_ request: SearchRequest, _ response: SearchResponse, index: String, seconds: Double) {
        begin = SearchBegin(request, response, index: index)
        warnings = response.warnings
        results = response.results.enumerated().map {
            SearchResultRecord($0.element, rank: $0.offset + 1, shownPath: $0.element.hit.path)
        }
        summary = SearchSummary(response, seconds: seconds)
    }
}

/// NaN and infinities have no JSON form; a score never should be one, but a line must not vanish.
func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
