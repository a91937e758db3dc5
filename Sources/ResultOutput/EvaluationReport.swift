import Foundation
import QueryEngine

/// `semfind eval`'s output: a tab-separated table, a row per index, setting and mode (with a
/// line per query under --per-query), and with several indexes their models side by side
/// (`ModelComparison`); or the same figures as one JSON object.
public struct EvaluationReport {
    public let rows: [EvaluationRun.Row]
    public let queries: [LabeledQuery]
    public let k: Int
    /// Whether the rows come from a settings file, so that the table names each row's setting.
    public let namesSettings: Bool
    public let perQuery: Bool

    public init(rows: [EvaluationRun.Row], queries: [LabeledQuery], k: Int, namesSettings: Bool, perQuery: Bool) {
        self.rows = rows
        self.queries = queries
        self.k = k
        self.namesSettings = namesSettings
        self.perQuery = perQuery
    }

    /// The table, a heading line first.
    public var table: String {
        var table =
            (namesSettings ? "index\tsetting\tmode" : "index\tmode")
            + "\tR@1\tR@5\tR@10\tMRR@10\tnDCG@10\tp50 ms\tp99 ms\tmissed\tshown\tempty\n"
        for row in rows { table += tableLines(row) }
        guard Set(rows.map(\.index)).count > 1 else { return table }
        return table + "\n" + ModelComparison(rows).table
    }

    /// The figures as one line of JSON.
    public var json: String {
        JSONLine.encode(EvaluationJSON(k: k, results: rows.map(jsonRow)))
    }

    private func tableLines(_ row: EvaluationRun.Row) -> String {
        let name = URL(fileURLWithPath: row.index).lastPathComponent
        let columns = namesSettings ? [name, row.setting.label] : [name]
        let m = row.report.metrics
        var lines =
            (columns + [
                row.mode.rawValue, fixed(m.recallAt1), fixed(m.recallAt5), fixed(m.recallAt10), fixed(m.mrrAt10),
                fixed(m.ndcgAt10), String(format: "%.1f", m.latencyP50 * 1000),
                String(format: "%.1f", m.latencyP99 * 1000), "\(m.missed)/\(m.queries)",
                String(format: "%.2f", m.meanShown), fixed(m.emptyShare),
            ]).joined(separator: "\t") + "\n"
        guard perQuery else { return lines }
        let prefix = (columns.dropFirst() + [row.mode.rawValue]).joined(separator: "\t")
        for (query, outcome) in zip(queries, row.report.outcomes) {
            let rank = outcome.firstRelevantRank.map(String.init) ?? "-"
            lines += "  \(prefix)\t\(query.id)\t\(rank)\t\(query.query)\n"
        }
        return lines
    }

    private func jsonRow(_ row: EvaluationRun.Row) -> EvaluationJSON.Row {
        let m = row.report.metrics
        let p = row.profile
        return EvaluationJSON.Row(
            index: row.index, model: p.model, dimension: p.dimension, setting: row.setting.values,
            mode: row.mode.rawValue, queries: m.queries,
            recallAt1: m.recallAt1, recallAt5: m.recallAt5, recallAt10: m.recallAt10, mrrAt10: m.mrrAt10,
            ndcgAt10: m.ndcgAt10, latencyP50Ms: m.latencyP50 * 1000, latencyP99Ms: m.latencyP99 * 1000,
            missed: m.missed, meanShown: m.meanShown, emptyShare: m.emptyShare,
            encodeP50Ms: p.encodingP50.map { $0 * 1000 }, encodeP99Ms: p.encodingP99.map { $0 * 1000 },
            bytesPerChunk: p.bytesPerChunk, chunksPerSecond: p.chunksPerSecond,
            perQuery: perQuery
                ? zip(queries, row.report.outcomes).map { .init(id: $0.id, rank: $1.firstRelevantRank) } : nil)
    }

    private func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// `semfind eval --json`: the k that counts and a row per index, setting and mode.
public struct EvaluationJSON: Codable, Equatable, Sendable {
    public let k: Int
    public let results: [Row]

    public struct Row: Codable, Equatable, Sendable {
        public let index: String
        /// The index's model and dimension; absent for an index without vectors.
        public let model: String?
        public let dimension: Int?
        public let setting: [String: Double]
        public let mode: String
        public let queries: Int
        public let recallAt1, recallAt5, recallAt10, mrrAt10, ndcgAt10: Double
        public let latencyP50Ms, latencyP99Ms: Double
        public let missed: Int
        public let meanShown, emptyShare: Double
        /// Milliseconds to encode one query alone (absent when only keyword ranking ran), bytes
        /// on disk per chunk, and chunks embedded per second when indexed (absent for an index
        /// from before it was recorded).
        public let encodeP50Ms, encodeP99Ms, bytesPerChunk, chunksPerSecond: Double?
        /// Each query's rank of its first relevant file or passage; only under --per-query.
        public let perQuery: [QueryRank]?

        enum CodingKeys: String, CodingKey {
            case index, setting, mode, queries, missed
            case recallAt1 = "recall_at_1", recallAt5 = "recall_at_5", recallAt10 = "recall_at_10"
            case mrrAt10 = "mrr_at_10", ndcgAt10 = "ndcg_at_10"
            case latencyP50Ms = "latency_p50_ms", latencyP99Ms = "latency_p99_ms"
            case meanShown = "mean_shown", emptyShare = "empty_share", perQuery = "per_query"
            case model, dimension
            case encodeP50Ms = "encode_p50_ms", encodeP99Ms = "encode_p99_ms"
            case bytesPerChunk = "bytes_per_chunk", chunksPerSecond = "chunks_per_second"
        }
    }

    /// A query's id and the rank of its first relevant hit, null when none is in the first k.
    public struct QueryRank: Codable, Equatable, Sendable {
        public let id: String
        public let rank: Int?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(rank, forKey: .rank)
        }
    }
}

extension EvaluationRun.UnknownPaths {
    /// The warning `eval` prints on stderr: how many relevant paths the index does not hold,
    /// and the first five of them.
    public var warning: String {
        "semfind: warning: \(paths.count) relevant path(s) not in \(index): \(paths.prefix(5).joined(separator: ", "))\n"
    }
}
