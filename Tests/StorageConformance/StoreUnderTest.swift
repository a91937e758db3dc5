import IndexStorage

/// What the shared store test bodies (`StoreConformance`) run against: a backend of the storage
/// seam, with the model binding every backend has. SQLite's `IndexStore` and `PostgresStore`
/// conform in their test targets.
public protocol StoreUnderTest: FileCatalog, VectorTable, KeywordIndex, SessionLog, Transactional {
    func bindModel(fingerprint: () -> String, signature: String, name: String, dimension: Int) throws
}
