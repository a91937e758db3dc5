import Foundation
import QueryEngine

/// `semfind eval` over several indexes (one per model): the models side by side, as the
/// documentation-search study that semfind follows tabled them — quality, the time to encode a
/// query, bytes per chunk and indexing speed. A figure an index does not record is "—".
struct ModelComparison {
    /// The rows of the first ranking setting, one per index and mode.
    let rows: [EvaluationRun.Row]

    init(_ rows: [EvaluationRun.Row]) {
        let first = rows.first?.setting
        self.rows = rows.filter { $0.setting == first }
    }

    var table: String {
        let heading = [
            "index", "model", "dim", "mode", "R@10", "MRR@10", "nDCG@10", "encode p50 ms", "encode p99 ms",
            "bytes/chunk", "chunks/s",
        ]
        return ([heading] + rows.map(columns)).map { $0.joined(separator: "\t") + "\n" }.joined()
    }

    private func columns(_ row: EvaluationRun.Row) -> [String] {
        let m = row.report.metrics
        let p = row.profile
        return [
            URL(fileURLWithPath: row.index).lastPathComponent, p.model ?? "—", p.dimension.map(String.init) ?? "—",
            row.mode.rawValue, Self.format(m.recallAt10, "%.3f"), Self.format(m.mrrAt10, "%.3f"),
            Self.format(m.ndcgAt10, "%.3f"), Self.format(p.encodingP50.map { $0 * 1000 }, "%.1f"),
            Self.format(p.encodingP99.map { $0 * 1000 }, "%.1f"), Self.format(p.bytesPerChunk, "%.0f"),
            Self.format(p.chunksPerSecond, "%.1f"),
        ]
    }

    private static func format(_ value: Double?, _ format: String) -> String {
        value.map { String(format: format, $0) } ?? "—"
    }
}
