import IndexStorage
import SemfindCore
import VectorIndex

/// pgvector's `vector` holds float32, and its HNSW index is kept by the database as rows are
/// written: nothing to convert, train or rewrite after a run.
extension PostgresStore: VectorUpkeep {
    /// - Throws: `SemfindError` `.invalidInput` for a form other than f32.
    public func settlePrecision(_ requested: VectorPrecision?) throws -> Bool {
        guard let requested, requested != .f32 else { return false }
        throw SemfindError(
            .invalidInput,
            "a PostgreSQL index stores its vectors as f32 (pgvector's vector), not \(requested.rawValue); leave out --precision"
        )
    }

    public func refreshVectorSearch(retrain: Bool, mayTrain: Bool) throws {}
}
