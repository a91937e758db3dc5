import IndexStorage
import VectorIndex

/// The SQLite index's meta table as the storage seam reads it (`IndexRecords`); the methods not
/// here are the store's own (`bindModel`, `bindPrefixes`, `recordEmbedding`, …).
extension IndexStore: IndexRecords {
    public var indexName: String { path }

    public func modelName() throws -> String? { try meta().modelName }

    public func chunkerSignature() throws -> String? { try meta().chunkerSignature }

    public func recordChunkerSignature(_ signature: String) throws { try setMeta(.chunker, signature) }

    public func embeddingRate() throws -> Double? { try meta().embeddingRate }
}
