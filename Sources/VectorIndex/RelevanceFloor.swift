/// The cosine similarity that unrelated text reaches in one index: below it, a passage found
/// by meaning alone is no better than chance, and searches leave it out by default.
///
/// Measured on the index itself (`IndexStore.refreshRelevanceFloor`), in two ways, on a sample
/// of its chunks taken with a fixed seed:
/// - questions on everyday subjects far from each other (`Indexer`'s `RelevanceProbes`),
///   embedded with the index's model: the upper quartile of their best similarities is what
///   an unrelated *question* finds here at best, three times in four (a corpus that answers a
///   few of them moves it little);
/// - chunks standing in for queries against the chunks of *other* files: the 99th percentile
///   is what unrelated *passages* rarely reach. In a corpus on one subject (a product's manual)
///   other files are not unrelated, and this figure is far too high for short queries; in a
///   corpus on everything, questions find real answers; each bounds the other.
/// The floor is the lower of the two, so it leaves out only what both call chance.
public struct RelevanceFloor: Sendable, Equatable {
    /// The similarity below which a semantic-only result is dropped.
    public let similarity: Double
    /// The vectors in the index when it was measured (remeasured when that count moves by
    /// more than a quarter).
    public let vectors: Int

    public init(similarity: Double, vectors: Int) {
        self.similarity = similarity
        self.vectors = vectors
    }

    /// Chunks compared with the questions, and the first of them that stand in for queries.
    package static let sampledChunks = 10_000
    static let pseudoQueries = 300
    /// Fewer pairs than this (an index of one file, or two tiny ones) leave the questions alone.
    static let minimumPairs = 20
    /// The share of unrelated questions whose best match is below the floor, and the share of
    /// unrelated pairs of chunks that score below it.
    static let questionPercentile = 0.75
    static let pairPercentile = 0.99

    /// Whether an index of `vectors` vectors, last measured as `previous`, is due a measurement.
    package static func isDue(previous: RelevanceFloor?, vectors: Int) -> Bool {
        guard let previous else { return vectors > 0 }
        return 4 * abs(vectors - previous.vectors) > previous.vectors
    }

    /// The floor from the questions' best similarities and the similarities of chunk pairs of
    /// different files; nil when there are no questions' figures.
    static func of(questionBests: [Float], pairs: [Float], vectors: Int) -> RelevanceFloor? {
        guard !questionBests.isEmpty else { return nil }
        var floor = Double(percentile(questionPercentile, of: questionBests))
        if pairs.count >= minimumPairs { floor = min(floor, Double(percentile(pairPercentile, of: pairs))) }
        return RelevanceFloor(similarity: (floor * 1000).rounded() / 1000, vectors: vectors)
    }

    /// The nearest-rank percentile `p` of `values` (not empty).
    static func percentile(_ p: Double, of values: [Float]) -> Float {
        let sorted = values.sorted()
        return sorted[min(max(Int((p * Double(sorted.count)).rounded(.up)) - 1, 0), sorted.count - 1)]
    }
}
