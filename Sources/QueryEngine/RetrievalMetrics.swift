import Foundation

/// Averages over a set of queries, each scored over its own unit (files or passages).
public struct RetrievalMetrics: Sendable {
    public let queries: Int
    public let recallAt1: Double
    public let recallAt5: Double
    public let recallAt10: Double
    public let mrrAt10: Double
    public let ndcgAt10: Double
    public let latencyP50: Double
    public let latencyP99: Double
    public let missed: Int
    /// Mean results shown per query, and the share of queries that showed none.
    public let meanShown: Double
    public let emptyShare: Double

    public init(_ outcomes: [QueryOutcome]) {
        let count = Double(max(outcomes.count, 1))
        func recall(_ k: Int) -> Double {
            Double(outcomes.filter { ($0.firstRelevantRank ?? .max) <= k }.count) / count
        }
        queries = outcomes.count
        recallAt1 = recall(1)
        recallAt5 = recall(5)
        recallAt10 = recall(10)
        mrrAt10 = outcomes.reduce(0) { $0 + ($1.firstRelevantRank.map { 1 / Double($0) } ?? 0) } / count
        ndcgAt10 =
            outcomes.reduce(0) { total, outcome in
                let gain = outcome.relevantRanks.reduce(0) { $0 + 1 / log2(Double($1) + 1) }
                let ideal = (1...max(1, min(outcome.relevantCount, 10))).reduce(0) { $0 + 1 / log2(Double($1) + 1) }
                return total + gain / ideal
            } / count
        let latencies = outcomes.map(\.seconds).sorted()
        latencyP50 = Self.percentile(0.5, of: latencies)
        latencyP99 = Self.percentile(0.99, of: latencies)
        missed = outcomes.filter { $0.firstRelevantRank == nil }.count
        meanShown = Double(outcomes.reduce(0) { $0 + $1.shown }) / count
        emptyShare = Double(outcomes.filter { $0.shown == 0 }.count) / count
    }

    /// The nearest-rank `p` percentile of `sorted` (ascending); 0 for none.
    static func percentile(_ p: Double, of sorted: [Double]) -> Double {
        sorted.isEmpty ? 0 : sorted[max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
