import VectorIndex

/// What a backend does so that its vectors stay searchable as `semfind index` writes them: the
/// form they are stored in, and the search structure over them. SQLite keeps a vector snapshot
/// and IVF lists beside the database and rewrites them after a run; PostgreSQL stores float32
/// (`vector`) under an HNSW index that the database keeps with every row written.
public protocol VectorUpkeep: AnyObject {
    /// Records the form of a new index's vectors, or converts an existing index's to a lower
    /// precision; returns whether it converted. `requested` nil keeps the index's form.
    @discardableResult
    func settlePrecision(_ requested: VectorPrecision?) throws -> Bool
    /// After a run's writes: brings the search structure in line with the stored vectors
    /// (`retrain`: train it anew; without `mayTrain`, an interrupted run, no training).
    func refreshVectorSearch(retrain: Bool, mayTrain: Bool) throws
}
