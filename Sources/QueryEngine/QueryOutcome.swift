import Foundation

/// What a query's ranked results are scored over.
public enum ScoringUnit: String, Sendable {
    /// Chunk hits mapped to their files, the first `k` distinct files kept: a file is relevant
    /// when any of its hits answers the query.
    case files
    /// The first `k` results as they come, several of one file included: a result is relevant
    /// when it answers a relevant item (its file, and lines overlapping the item's span).
    case passages
}

/// Rank-based quality of one query's results, as the evaluation sets define it.
public struct QueryOutcome: Sendable {
    public let unit: ScoringUnit
    /// Rank (from 1) of the first relevant file or passage among the first `k`, nil when none is.
    public let firstRelevantRank: Int?
    /// Ranks (from 1) among the first `k` that found a relevant item, each item counted once
    /// (nDCG's gains).
    public let relevantRanks: [Int]
    public let relevantCount: Int
    public let seconds: Double
    /// Results a search limited to `k` would show (fewer when the relevance floor left some out).
    public let shown: Int

    /// Scored over files: `rankedHits` in rank order, each hit's file and whether the hit
    /// answers the query. A file counts as relevant when any of its hits does.
    public init(
        files rankedHits: [(file: String, relevant: Bool)], relevantCount: Int, k: Int, seconds: Double,
        shown: Int = 0
    ) {
        var distinct: [String] = []
        var relevantFiles = Set<String>()
        for hit in rankedHits {
            if hit.relevant { relevantFiles.insert(hit.file) }
            if !distinct.contains(hit.file) { distinct.append(hit.file) }
        }
        let ranks = distinct.prefix(k).indices.filter { relevantFiles.contains(distinct[$0]) }.map { $0 + 1 }
        self.init(
            unit: .files, firstRelevantRank: ranks.first, relevantRanks: ranks, relevantCount: relevantCount,
            seconds: seconds, shown: shown)
    }

    /// Scored over passages: `rankedMatches` in rank order, for each result the relevant items
    /// (their positions in the query's list) it answers. Only the first `k` results count. A
    /// rank is a gain when it answers an item no better rank was credited with, and is credited
    /// with one such item: each item counts once, and nDCG stays at most 1.
    public init(passages rankedMatches: [Set<Int>], relevantCount: Int, k: Int, seconds: Double, shown: Int = 0) {
        var credited = Set<Int>()
        var ranks: [Int] = []
        for (index, matches) in rankedMatches.prefix(k).enumerated() {
            guard let item = matches.subtracting(credited).min() else { continue }
            credited.insert(item)
            ranks.append(index + 1)
        }
        self.init(
            unit: .passages, firstRelevantRank: ranks.first, relevantRanks: ranks, relevantCount: relevantCount,
            seconds: seconds, shown: shown)
    }

    private init(
        unit: ScoringUnit, firstRelevantRank: Int?, relevantRanks: [Int], relevantCount: Int, seconds: Double,
        shown: Int
    ) {
        self.unit = unit
        self.firstRelevantRank = firstRelevantRank
        self.relevantRanks = relevantRanks
        self.relevantCount = relevantCount
        self.seconds = seconds
        self.shown = shown
    }
}
