import IndexStorage

/// The SQLite index is the first backend of the storage seam (`IndexStorage`).
extension IndexStore: FileCatalog, KeywordIndex, SessionLog, VectorTable, Transactional {
    /// Runs `body` in one transaction: what the store's methods write in it (files replaced,
    /// vectors stored, meta set) commits together or not at all, their own transactions
    /// becoming savepoints of this one.
    public func write<Result>(_ body: () throws -> Result) throws -> Result {
        try database.transaction(body)
    }
}
