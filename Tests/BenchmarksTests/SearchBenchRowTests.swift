import Benchmarks
import Foundation
import Testing

/// `semfind bench search`'s rows: one per index kind, each with the fields its kind has, as
/// `--json` writes them and the table shows them.
@Suite struct SearchBenchRowTests {
    private static let rows: [SearchBenchRow] = {
        let workload = BenchWorkload(synthetic: 400, dimension: 8, centres: 4, queries: 5)
        return (try? SearchBenchmark(workload: workload, precision: .int8, candidates: 20, threads: 1).run()) ?? []
    }()

    @Test func oneRowPerIndexKind() {
        #expect(Self.rows.map(\.kind) == ["flat-f32", "flat-int8", "flat-int8-raw", "ivf"])
        #expect(Self.rows.allSatisfy { $0.vectors == 400 && $0.dimension == 8 && $0.queries == 5 })
        // Exact search is its own ground truth.
        #expect(Self.rows.first?.recallAt10 == 1)
    }

    @Test func jsonNamesEachKindsOwnFields() throws {
        let keys = try Self.rows.map { row in
            let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? [String: Any]
            return Set(object?.keys.map { $0 } ?? [])
        }
        let common: Set = [
            "kind", "vectors", "dimension", "queries", "k", "query_threads", "build_threads", "data", "precision",
            "recall_at_10", "queries_per_second", "ms_per_query_p50", "build_seconds", "bytes_per_vector",
            "scanned_bytes_per_vector",
        ]
        #expect(keys.count == 4)
        #expect(keys.first == common)
        #expect(keys.dropFirst().first == common.union(["candidates"]))
        #expect(keys.dropFirst(2).first == common)
        #expect(
            keys.last
                == common.union([
                    "candidates", "train_seconds", "probe_choice_seconds", "nlist", "nprobe", "probe_recall",
                    "probe_queries", "train_vectors", "iterations",
                ]))
    }

    @Test func tableHasAHeadingARowPerKindAndTheProbeChoice() {
        let lines = BenchTable(Self.rows).text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("400 vectors of dimension 8 (synthetic") == true)
        #expect(lines.first?.hasSuffix(", 5 queries, one at a time on one thread") == true)
        #expect(lines.count == 1 + 1 + 4 + 1)
        #expect(lines[2].hasSuffix("-       -"))
        #expect(lines.last?.hasPrefix("nprobe chosen with ") == true)
    }
}
