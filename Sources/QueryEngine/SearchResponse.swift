import Dispatch
import IndexStorage
import SemfindCore
import VectorIndex
import VectorStore

/// One result: a chunk, where it is, why it ranked, and the sentences to show.
public struct SearchResult: Sendable {
    public let hit: StoredHit
    /// The ranking score of the mode: cosine similarity (semantic), BM25 (keyword) or the fused
    /// reciprocal-rank score (hybrid).
    public let score: Double
    /// Cosine similarity of the chunk with the (augmented) query; nil in keyword mode.
    public let similarity: Double?
    /// Rank in the keyword list (from 1), when the chunk was in it.
    public let keywordRank: Int?
    /// Shown for its keywords alone (hybrid mode): not among the semantic candidates, or below
    /// the relevance floor with a strong keyword match.
    public let byKeywordsAlone: Bool
    /// The query's words, for the snippet.
    let terms: QueryTerms
    /// The chunk's sentences that best match the query, cut where they are long (made when
    /// asked for: an evaluation reads none).
    public var snippet: Snippet { Snippet(chunk: hit.text, terms: terms) }
    /// The file changed on disk since it was indexed.
    public let stale: Bool
}

/// What the query turned into, for the user to see.
public struct QueryAugmentation: Sendable, Equatable {
    /// `context` or `session`.
    public let source: String
    /// The text blended with the query.
    public let text: String
}

public struct SearchResponse: Sendable {
    public var results: [SearchResult] = []
    public var warnings: [String] = []
    /// Set while the index holds chunks that wait for their vectors (an index run still
    /// embedding, or one stopped): those are found by keywords only.
    public var embedding: EmbeddingProgress?
    /// Set when a short query was read together with context.
    public var augmentation: QueryAugmentation?
    /// The query's length in the encoder's word pieces (nil in keyword mode).
    public var pieces: Int?
    /// The best similarities are nearly equal: the query does not single anything out.
    public var lowConfidence = false
    /// Results dropped because their file no longer exists.
    public var vanished = 0
    /// The index's relevance floor when it applied to this search (see `RelevanceFloor`).
    public var relevanceFloor: Double?
    /// Candidates left out below the relevance floor.
    public var belowFloor = 0
    /// Where the time went, stage by stage, in seconds (for `--timings`).
    public var timings: [(stage: String, seconds: Double)] = []

    /// Records the time since the previous lap (or `started`) under `stage`.
    mutating func lap(_ stage: String, since started: inout UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((stage, Double(now - started) / 1e9))
        started = now
    }
}
