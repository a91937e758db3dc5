import IndexStorage

/// The PostgreSQL index is the second backend of the storage seam (`IndexStorage`).
extension PostgresStore: FileCatalog, KeywordIndex, SessionLog, VectorTable, Transactional {
    /// Runs `body` in one transaction: what the store's methods write in it commits together or
    /// not at all, their own transactions becoming savepoints of this one.
    public func write<Result>(_ body: () throws -> Result) throws -> Result {
        try connection.transaction(body)
    }
}
