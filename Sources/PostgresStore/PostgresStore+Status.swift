import IndexStorage
import VectorIndex

extension PostgresStore {
    /// What `semfind status` reports: the counts, the model, and the bytes the index's tables
    /// and their indexes take in the database. Vectors are stored as float32 (`vector`) and
    /// searched through HNSW once its index is built, every row read (flat) before.
    public func status() throws -> IndexStatus {
        let counts = try connection.execute(
            """
            SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM chunks), (SELECT count(*) FROM vectors),
                (SELECT count(*) FROM unembedded_chunks),
                (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'S'))
            """,
            [address.schema])
        let plugins = try connection.execute("SELECT plugin, count(*) FROM files GROUP BY plugin")
        return IndexStatus(
            path: address.uri, roots: try connection.execute("SELECT path FROM roots ORDER BY path").texts(0),
            files: counts.int(0, 0),
            filesByPlugin: Dictionary(
                uniqueKeysWithValues: (0..<plugins.count).map { (plugins.text($0, 0), plugins.int($0, 1)) }),
            chunks: counts.int(0, 1), vectors: counts.int(0, 2), unembedded: counts.int(0, 3),
            bytesOnDisk: counts.int(0, 4),
            modelName: try meta("model_name"), modelFingerprint: try meta("model_fingerprint"),
            dimension: try dimension(), encoderPrecision: try meta("encoder_precision"), precision: .f32,
            vectorIndex: VectorIndexInfo(kind: try hasNearestIndex() ? .hnsw : .flat),
            relevanceFloor: try relevanceFloor())
    }
}
