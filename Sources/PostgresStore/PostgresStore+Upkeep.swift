import IndexStorage
import SemfindCore
import VectorIndex

/// pgvector's `vector` holds float32, and its HNSW index is kept by the database as rows are
/// written: nothing to convert, train or rewrite after a run. What a run does measure is how
/// deep the HNSW search must look (`hnsw.ef_search`) for the recall semfind asks of an
/// approximate index, as it measures the IVF probes of a SQLite index.
extension PostgresStore: VectorUpkeep {
    /// - Throws: `SemfindError` `.invalidInput` for a form other than f32.
    public func settlePrecision(_ requested: VectorPrecision?) throws -> Bool {
        guard let requested, requested != .f32 else { return false }
        throw SemfindError(
            .invalidInput,
            "a PostgreSQL index stores its vectors as f32 (pgvector's vector), not \(requested.rawValue); leave out --precision"
        )
    }

    /// The depths tried, shallowest first, and the recall the chosen one must reach: own-row
    /// recall@100 against exact search, the bar of the IVF probes (`VectorIndexInfo`).
    static let searchDepths = [40, 64, 100, 160, 250, 400, 640, 1000]
    static let recallTarget = 0.98
    static let recallQueries = 50
    static let recallDepth = 100

    /// Measures the search depth when the vector count moved by a quarter since it was last
    /// measured (or with `retrain`); an interrupted run (`mayTrain` false) leaves it.
    public func refreshVectorSearch(retrain: Bool, mayTrain: Bool) throws {
        guard mayTrain else { return }
        let vectors = Int(try connection.integer("SELECT count(*) FROM vectors"))
        let measuredAt = try meta("hnsw_ef_vectors").flatMap { Int($0) }
        let due = measuredAt.map { 4 * abs(vectors - $0) > $0 } ?? true
        guard vectors > 0, retrain || due else { return }
        let (depth, recall) = try measureSearchDepth(vectors: vectors)
        try connection.transaction {
            try setMeta("hnsw_ef_search", String(depth))
            try setMeta("hnsw_recall_at_100", String(recall))
            try setMeta("hnsw_ef_vectors", String(vectors))
        }
    }

    /// The shallowest depth whose own-row recall@100 reaches the target (the deepest tried when
    /// none does), with its recall; the query rows are a seeded sample of the stored vectors.
    private func measureSearchDepth(vectors: Int) throws -> (depth: Int, recall: Double) {
        let ids = try connection.execute("SELECT chunk_id FROM vectors ORDER BY chunk_id").texts(0)
        let sample = RelevanceFloor.sample(ids).prefix(Self.recallQueries)
        let rows = try connection.execute(
            "SELECT embedding FROM vectors WHERE chunk_id = ANY($1::bigint[])", [Self.arrayLiteral(Array(sample))])
        let queries = rows.texts(0)
        let limit = String(min(Self.recallDepth, vectors))
        let search = "SELECT chunk_id FROM vectors ORDER BY embedding <=> $1 LIMIT $2"
        let exact = try queries.map { query in
            try connection.transaction {
                try connection.execute("SET LOCAL enable_indexscan = off")
                return Set(try connection.execute(search, [query, limit]).texts(0))
            }
        }
        var measured = (depth: Self.searchDepths[0], recall: 0.0)
        for depth in Self.searchDepths {
            var found = 0
            var wanted = 0
            for (query, truth) in zip(queries, exact) {
                let approximate = try connection.transaction {
                    try connection.execute("SET LOCAL hnsw.ef_search = \(depth)")
                    return try connection.execute(search, [query, limit]).texts(0)
                }
                found += approximate.filter(truth.contains).count
                wanted += truth.count
            }
            measured = (depth, wanted > 0 ? Double(found) / Double(wanted) : 1)
            if measured.recall >= Self.recallTarget { break }
        }
        return measured
    }
}
