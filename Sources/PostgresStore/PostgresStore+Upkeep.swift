import IndexStorage
import SemfindCore
import VectorIndex

/// pgvector's `vector` holds float32, and once its HNSW index exists the database keeps it as
/// rows are written: nothing to convert, train or rewrite after a run. The index is built by
/// the first run that ends with vectors, over the rows it wrote: pgvector builds a graph from
/// stored rows many times faster than it grows one row by row (a copied index of 100,931
/// chunks took 715 s with the graph grown as rows came), and until then a search reads every
/// vector, which is exact. What a run also measures is how deep the HNSW search must look
/// (`hnsw.ef_search`) for the recall semfind asks of an approximate index, as it measures the
/// IVF probes of a SQLite index.
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
        guard vectors > 0 else { return }
        let built = try buildNearestIndex(vectors: vectors)
        let measuredAt = try meta("hnsw_ef_vectors").flatMap { Int($0) }
        let due = measuredAt.map { 4 * abs(vectors - $0) > $0 } ?? true
        guard built || retrain || due else { return }
        let (depth, recall) = try measureSearchDepth(vectors: vectors)
        try connection.transaction {
            try setMeta("hnsw_ef_search", String(depth))
            try setMeta("hnsw_recall_at_100", String(recall))
            try setMeta("hnsw_ef_vectors", String(vectors))
        }
    }

    /// Whether the HNSW index exists.
    func hasNearestIndex() throws -> Bool {
        try connection.execute("SELECT to_regclass('vectors_nearest') IS NOT NULL").text(0, 0) == "t"
    }

    /// Builds the HNSW index (cosine distance) over the stored vectors unless it exists; true
    /// when it built it. Runs ending at once build it once: the first takes a lock, the others
    /// wait for it and then find the index. The build may use memory for the whole graph
    /// (`maintenance_work_mem`, for this transaction only; pgvector builds more slowly past it).
    private func buildNearestIndex(vectors: Int) throws -> Bool {
        try connection.transaction {
            try connection.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", ["semfind nearest index \(address.schema)"])
            guard try !hasNearestIndex(), let dimension = try dimension() else { return false }
            let megabytes = min(max(64, vectors * (dimension * 4 + 512) / 800_000), Self.graphMemoryLimitMB)
            try connection.execute("SET LOCAL maintenance_work_mem = '\(megabytes)MB'")
            try connection.execute("CREATE INDEX vectors_nearest ON vectors USING hnsw (embedding vector_cosine_ops)")
            return true
        }
    }

    /// The most memory an HNSW build asks of the server (4 GiB: a million vectors of 384
    /// dimensions need about 2.5).
    static let graphMemoryLimitMB = 4096

    /// The shallowest depth whose own-row recall@100 reaches the target (the deepest tried when
    /// none does), with its recall; the query rows are a seeded sample of the stored vectors.
    private func measureSearchDepth(vectors: Int) throws -> (depth: Int, recall: Double) {
        let ids = try connection.execute("SELECT chunk_id FROM vectors ORDER BY chunk_id").texts(0)
        let sample = RelevanceFloor.sample(ids).prefix(Self.recallQueries)
        let rows = try connection.execute(
            "SELECT embedding FROM vectors WHERE chunk_id = ANY($1::bigint[])", [Self.arrayLiteral(Array(sample))])
        let queries = rows.texts(0)
        let limit = min(Self.recallDepth, vectors)
        let truth = try exactNearest(queries, limit: limit)
        var measured = (depth: Self.searchDepths[0], recall: 0.0)
        for depth in Self.searchDepths {
            measured = (depth, try recall(queries, truth: truth, limit: limit, depth: depth))
            if measured.recall >= Self.recallTarget { break }
        }
        return measured
    }

    /// Recall@`k` of the HNSW search at the index's measured depth against exact search, for
    /// `queries` (`semfind bench recall`), with that depth.
    public func searchRecall(queries: [[Float]], k: Int) throws -> (depth: Int, recall: Double) {
        let literals = queries.map(Self.text)
        let depth = try searchDepth(for: k)
        return (depth, try recall(literals, truth: try exactNearest(literals, limit: k), limit: k, depth: depth))
    }

    private static let nearestSearch = "SELECT chunk_id FROM vectors ORDER BY embedding <=> $1 LIMIT $2"

    /// Each query's `limit` nearest chunks by reading every vector.
    private func exactNearest(_ queries: [String], limit: Int) throws -> [Set<String>] {
        try queries.map { query in
            try connection.transaction {
                try connection.execute("SET LOCAL enable_indexscan = off")
                return Set(try connection.execute(Self.nearestSearch, [query, String(limit)]).texts(0))
            }
        }
    }

    /// The share of `truth` the HNSW search `depth` deep finds, over all queries.
    private func recall(_ queries: [String], truth: [Set<String>], limit: Int, depth: Int) throws -> Double {
        var found = 0
        var wanted = 0
        for (query, expected) in zip(queries, truth) {
            let approximate = try connection.transaction {
                try connection.execute("SET LOCAL hnsw.ef_search = \(depth)")
                return try connection.execute(Self.nearestSearch, [query, String(limit)]).texts(0)
            }
            found += approximate.filter(expected.contains).count
            wanted += expected.count
        }
        return wanted > 0 ? Double(found) / Double(wanted) : 1
    }
}
