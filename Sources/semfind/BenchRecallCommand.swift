import ArgumentParser
import Benchmarks
import Foundation
import IndexBackends
import PostgresStore
import QueryEngine
import ResultOutput
import SemfindCore
import TextEncoder
import VectorIndex
import VectorStore

extension BenchCommand {
    /// `semfind bench recall` (hidden): the recall@10 of an index's own IVF lists, with the probes
    /// it recorded, or of a PostgreSQL index's HNSW search at its measured depth, against exact
    /// search over the same vectors, for real queries embedded with the model.
    struct Recall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the recall@10 of a stored IVF or HNSW index against exact search, for real queries.",
            shouldDisplay: false)

        @OptionGroup var location: AnyIndexLocation
        @OptionGroup var encoderOptions: EncoderOptions

        @Argument(help: "Query files (JSON Lines with a \"query\" field, as the evaluation sets have).")
        var queryFiles: [String]

        @Option(name: .long, help: "Queries to use, at most.")
        var count = 200

        @Option(name: .long, help: "Candidates the int8 scan keeps for exact rescoring.")
        var candidates = [100, 600]

        func run() throws {
            let address = try location.address()
            let texts = Array(try queryFiles.flatMap { try LabeledQuery.load(path: $0).map(\.query) }.prefix(count))
            let encoder = try encoderOptions.loadEncoder(forIndexAt: address)
            switch address {
            case .sqlite(let path): try measureIVF(path: path, texts: texts, encoder: encoder)
            case .postgres(let postgres): try measureHNSW(postgres, texts: texts, encoder: encoder)
            }
        }

        private func measureIVF(path: String, texts: [String], encoder: SentenceEncoder) throws {
            let store = try IndexStore(path: path, create: false)
            guard let snapshot = try store.currentSnapshot(), let ivf = IVFIndex(snapshot: snapshot) else {
                throw SemfindError(.invalidInput, "\(path) has no current IVF snapshot; run semfind index on it first")
            }
            let probes = try store.vectorIndexInfo().probes ?? ivf.listCount
            let rows = IVFRecallBenchmark.run(
                ivf, over: snapshot, probes: probes, texts: texts, encoder: encoder, candidates: candidates)
            for row in rows { print(JSONLine.encode(row), terminator: "") }
        }

        private func measureHNSW(_ address: PostgresAddress, texts: [String], encoder: SentenceEncoder) throws {
            guard let store = try PostgresStore.existing(at: address) else {
                throw SemfindError(.invalidInput, "\(address.uri) holds no index; run semfind index on it first")
            }
            let measured = try store.searchRecall(queries: encoder.encode(texts, as: .query), k: 10)
            let row = HNSWRecallRow(
                vectors: try store.status().vectors, efSearch: measured.depth, queries: texts.count,
                recallAt10: measured.recall)
            print(JSONLine.encode(row), terminator: "")
        }
    }

    /// `bench recall`'s JSON line for a PostgreSQL index.
    struct HNSWRecallRow: Encodable {
        let vectors: Int
        let efSearch: Int
        let queries: Int
        let recallAt10: Double

        enum CodingKeys: String, CodingKey {
            case vectors, queries, efSearch = "ef_search", recallAt10 = "recall_at_10"
        }
    }
}
