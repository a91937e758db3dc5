import Dispatch
import IndexStorage
import TextEncoder

/// What choosing an index's model costs, beside its quality: the model, how long it takes to
/// encode one query, how many bytes a chunk takes on disk and how fast the model embedded them
/// (`semfind eval`'s comparison of models).
public struct IndexProfile: Sendable {
    public let model: String?
    public let dimension: Int?
    /// The database, its log and the vector snapshot, per chunk; nil for an empty index.
    public let bytesPerChunk: Double?
    /// Chunks embedded per second when the index was built; nil for an index from before it
    /// was recorded.
    public let chunksPerSecond: Double?
    /// Seconds to encode one query, alone (p50 and p99 over the queries); nil when no ranking
    /// evaluated needs the encoder.
    public let encodingP50: Double?
    public let encodingP99: Double?

    /// Reads what `store` records and, when `encoder` is given, encodes each of `queries` alone
    /// with it (once over first, to warm it).
    static func measure(_ store: any IndexRecords, queries: [String], encoder: SentenceEncoder?) throws -> IndexProfile
    {
        let status = try store.status()
        let times = encoder.map { encoder in
            if let first = queries.first { _ = encoder.encode([first], as: .query) }
            return queries.map { query in
                let start = DispatchTime.now().uptimeNanoseconds
                _ = encoder.encode([query], as: .query)
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }.sorted()
        }
        return IndexProfile(
            model: status.modelName, dimension: status.dimension,
            bytesPerChunk: status.chunks > 0 ? Double(status.bytesOnDisk) / Double(status.chunks) : nil,
            chunksPerSecond: try store.embeddingRate(),
            encodingP50: times.map { RetrievalMetrics.percentile(0.5, of: $0) },
            encodingP99: times.map { RetrievalMetrics.percentile(0.99, of: $0) })
    }
}
