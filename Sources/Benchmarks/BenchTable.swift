import Foundation

/// A search benchmark's results as an aligned text table, one row per index kind.
public struct BenchTable {
    public let results: [SearchBenchRow]

    public init(_ results: [SearchBenchRow]) { self.results = results }

    private static let columns: [(title: String, cell: @Sendable (SearchBenchRow) -> String)] = [
        ("index", \.kind), ("recall@10", { format($0.recallAt10) }), ("queries/s", { format($0.queriesPerSecond) }),
        ("ms/query p50", { format($0.msPerQueryP50) }), ("build s", { format($0.buildSeconds) }),
        ("bytes/vector", { format($0.bytesPerVector) }), ("scanned bytes/vector", { "\($0.scannedBytesPerVector)" }),
        ("nlist", { $0.nlist.map { "\($0)" } ?? "-" }), ("nprobe", { $0.nprobe.map { "\($0)" } ?? "-" }),
    ]

    public var text: String {
        guard let first = results.first else { return "" }
        let heading =
            "\(first.vectors) vectors of dimension \(first.dimension) (\(first.data)), "
            + "\(first.queries) queries, one at a time on one thread"
        let cells = [Self.columns.map(\.title)] + results.map { result in Self.columns.map { $0.cell(result) } }
        let widths = Self.columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let lines = cells.map { row in
            row.enumerated().map { column, cell in
                String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var text = ([heading] + lines).joined(separator: "\n")
        if let ivf = results.first(where: { $0.kind == "ivf" }), let recall = ivf.probeRecall {
            text +=
                "\nnprobe chosen with \(ivf.probeQueries.map { "\($0)" } ?? "?") of the index's own rows as queries: "
                + "recall@10 " + Self.format(recall)
        }
        return text
    }

    /// A figure as the table shows it: whole from 100 on, three decimals below; an exact 0 (the
    /// exact scan's build time, which has none) as 0.
    static func format(_ number: Double) -> String {
        if number == 0 { return "0" }
        return number >= 100 ? String(Int(number.rounded())) : String(format: "%.3f", number)
    }
}
