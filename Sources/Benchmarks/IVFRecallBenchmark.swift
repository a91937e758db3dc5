import TextEncoder
import VectorIndex

/// `semfind bench recall`'s engine: a stored IVF index's recall@10, with the probes it recorded,
/// against exact search over the same snapshot, for real queries embedded with the model.
public enum IVFRecallBenchmark {
    /// A row per count of candidates kept for exact rescoring, in the order given, with `ivf`
    /// searching `probes` lists of `snapshot`'s vectors.
    public static func run(
        _ ivf: IVFIndex, over snapshot: VectorSnapshot, probes: Int, texts: [String], encoder: SentenceEncoder,
        candidates: [Int]
    ) -> [Row] {
        let queries = encoder.encode(texts, as: .query)
        let truth = ExactNeighbors.search(queries.flatMap { $0 }, in: snapshot, k: 10)
            .map { $0.map { Int(snapshot.chunkIDs[$0]) } }
        return candidates.map { kept in
            let found = queries.map { ivf.nearest($0, k: 10, probes: probes, candidates: kept).map(\.row) }
            return Row(
                vectors: snapshot.count, lists: ivf.listCount, probes: probes, candidates: kept,
                queries: queries.count, recallAt10: ExactNeighbors.recall(found, truth: truth, k: 10))
        }
    }

    /// One count of candidates' figures, a JSON line of `bench recall`.
    public struct Row: Codable, Equatable, Sendable {
        public let vectors: Int
        public let lists: Int
        public let probes: Int
        public let candidates: Int
        public let queries: Int
        public let recallAt10: Double

        enum CodingKeys: String, CodingKey {
            case vectors, lists, probes, candidates, queries, recallAt10 = "recall_at_10"
        }
    }
}
