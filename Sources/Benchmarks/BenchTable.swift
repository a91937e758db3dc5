import Foundation

/// A search benchmark's results as an aligned text table, one row per index kind.
public struct BenchTable {
    public let results: [[String: Any]]

    public init(_ results: [[String: Any]]) { self.results = results }

    private static let columns: [(title: String, key: String)] = [
        ("index", "kind"), ("recall@10", "recall_at_10"), ("queries/s", "queries_per_second"),
        ("ms/query p50", "ms_per_query_p50"), ("build s", "build_seconds"), ("bytes/vector", "bytes_per_vector"),
        ("scanned bytes/vector", "scanned_bytes_per_vector"), ("nlist", "nlist"), ("nprobe", "nprobe"),
    ]

    public var text: String {
        guard let first = results.first else { return "" }
        let heading =
            "\(first["vectors"] ?? "?") vectors of dimension \(first["dimension"] ?? "?") (\(first["data"] ?? "")), "
            + "\(first["queries"] ?? "?") queries, one at a time on one thread"
        let cells =
            [Self.columns.map(\.title)] + results.map { result in Self.columns.map { Self.format(result[$0.key]) } }
        let widths = Self.columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let lines = cells.map { row in
            row.enumerated().map { column, cell in
                String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var text = ([heading] + lines).joined(separator: "\n")
        if let ivf = results.first(where: { $0["kind"] as? String == "ivf" }),
            let recall = ivf["probe_recall"] as? Double
        {
            text +=
                "\nnprobe chosen with \(ivf["probe_queries"] ?? "?") of the index's own rows as queries: recall@10 "
                + Self.format(recall)
        }
        return text
    }

    private static func format(_ value: Any?) -> String {
        switch value {
        case let number as Double: number >= 100 ? String(Int(number.rounded())) : String(format: "%.3f", number)
        case let value?: "\(value)"
        case nil: "-"
        }
    }
}
