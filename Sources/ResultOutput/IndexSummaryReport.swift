import Indexer

/// What one index run did, as `semfind index --json` ends and `serve`'s `index` method answers:
/// files indexed (and by which plugin), unchanged, removed, skipped (by reason) and failed; the
/// chunks written and embedded (`retokenized`: of those, the ones tokenized when embedded rather
/// than encoded from the chunker's word pieces), those still waiting for vectors; the seconds
/// it took and whether it was stopped.
public struct IndexSummaryReport: Codable, Equatable, Sendable {
    public let indexed: Int
    public let indexedByPlugin: [String: Int]
    public let unchanged: Int
    public let removed: Int
    public let skipped: [String: Int]
    public let failed: Int
    public let chunks: Int
    public let embedded: Int
    public let retokenized: Int
    public let unembedded: Int
    public let seconds: Double
    public let interrupted: Bool

    private enum CodingKeys: String, CodingKey {
        case indexed, indexedByPlugin = "indexed_by_plugin", unchanged, removed, skipped, failed, chunks, embedded
        case retokenized, unembedded, seconds, interrupted
    }

    public init(_ summary: IndexSummary) {
        indexed = summary.indexed
        indexedByPlugin = summary.indexedByPlugin
        unchanged = summary.unchanged
        removed = summary.removed
        skipped = summary.skipped
        failed = summary.failed
        chunks = summary.chunks
        embedded = summary.embedded
        retokenized = summary.retokenized
        unembedded = summary.unembedded
        seconds = summary.seconds
        interrupted = summary.interrupted
    }
}
