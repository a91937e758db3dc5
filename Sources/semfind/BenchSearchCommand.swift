import ArgumentParser
import Benchmarks
import CBLAS
import Foundation
import ResultOutput
import VectorIndex

extension BenchCommand {
    /// `semfind bench search`: flat and IVF search over the same vectors, against exact search.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Build flat and IVF indexes over N vectors and measure recall@10, queries/s and size.",
            discussion: """
                Synthetic clustered unit vectors (fixed seed) by default; --real INDEX takes the vectors of \
                an index instead, holding --queries of them out as queries. Ground truth is exact float32 \
                search. Queries run one at a time on one thread; building uses --threads.
                """)

        @Option(name: .long, help: "Synthetic vectors to index.")
        var vectors = 100_000

        @Option(name: .long, help: "Use the vectors of this index instead of synthetic ones.")
        var real: String?

        @Option(name: .long, help: "Queries to time and measure recall with.")
        var queries = 200

        @Option(name: .long, help: "Dimension of the synthetic vectors.")
        var dimension = 384

        @Option(
            name: .long, help: "Cluster centres of the synthetic vectors (default: one per 1,000 vectors, 16 to 4,096)."
        )
        var clusters: Int?

        @Option(
            name: .long,
            help:
                "Candidates the int8 scan keeps for exact rescoring (ten times k; a hybrid search keeps 600 for ranking files)."
        )
        var candidates = 100

        @Option(name: .long, help: "Stored form the flat and IVF indexes rescore with (f32, f16 or int8).")
        var precision = VectorPrecision.standard

        @Option(name: .long, help: "Threads for building (queries always run on one).")
        var threads = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .long, help: "Write base.npy, queries.npy, params.json and semfind.jsonl to this folder.")
        var export: String?

        @Flag(name: .long, help: "Print JSON Lines, one object per index kind.")
        var json = false

        func validate() throws {
            guard vectors > 0, queries > 0, dimension > 0, candidates >= 10, threads > 0, (clusters ?? 1) > 0 else {
                throw ValidationError(
                    "--vectors, --queries, --dimension and --threads must be positive, --candidates ≥ 10")
            }
        }

        func run() throws {
            openblas_set_num_threads(Int32(threads))
            let workload =
                try real.map { try BenchWorkload(index: $0, queries: queries) }
                ?? BenchWorkload(
                    synthetic: vectors, dimension: dimension, centres: clusters ?? max(16, min(4096, vectors / 1000)),
                    queries: queries)
            let results = try SearchBenchmark(
                workload: workload, precision: precision, candidates: candidates, threads: threads
            ).run()
            if let export { try workload.export(to: export, results: results) }
            print(json ? results.map { JSONLine.encode($0) }.joined() : BenchTable(results).text + "\n", terminator: "")
        }
    }
}
