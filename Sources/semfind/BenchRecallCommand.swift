import ArgumentParser
import Benchmarks
import Foundation
import QueryEngine
import ResultOutput
import SemfindCore
import VectorIndex
import VectorStore

extension BenchCommand {
    /// `semfind bench recall` (hidden): the recall@10 of an index's own IVF lists, with the probes
    /// it recorded, against exact search over the same vectors, for real queries embedded with
    /// the model.
    struct Recall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the recall@10 of a stored IVF index against exact search, for real queries.",
            shouldDisplay: false)

        @OptionGroup var location: IndexLocation
        @OptionGroup var encoderOptions: EncoderOptions

        @Argument(help: "Query files (JSON Lines with a \"query\" field, as the evaluation sets have).")
        var queryFiles: [String]

        @Option(name: .long, help: "Queries to use, at most.")
        var count = 200

        @Option(name: .long, help: "Candidates the int8 scan keeps for exact rescoring.")
        var candidates = [100, 600]

        func run() throws {
            let store = try IndexStore(path: location.path, create: false)
            guard let snapshot = try store.currentSnapshot(), let ivf = IVFIndex(snapshot: snapshot) else {
                throw SemfindError(
                    .invalidInput, "\(location.path) has no current IVF snapshot; run semfind index on it first")
            }
            let probes = try store.vectorIndexInfo().probes ?? ivf.listCount
            let texts = try queryFiles.flatMap { try LabeledQuery.load(path: $0).map(\.query) }.prefix(count)
            let rows = IVFRecallBenchmark.run(
                ivf, over: snapshot, probes: probes, texts: Array(texts), encoder: try encoderOptions.loadEncoder(),
                candidates: candidates)
            for row in rows { print(JSONLine.encode(row), terminator: "") }
        }
    }
}
