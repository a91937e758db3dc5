import IndexStorage

/// The SQLite index's vectors are searched from a snapshot beside the database, with IVF lists
/// once it is large (`refreshVectorIndex`).
extension IndexStore: VectorUpkeep {
    public func refreshVectorSearch(retrain: Bool, mayTrain: Bool) throws {
        try refreshVectorIndex(retrain: retrain, mayTrain: mayTrain)
    }
}
