import IndexStorage
import VectorStore

/// What searches found, kept for the same queries searched again under other ranking settings
/// (`semfind eval --settings`): a query is encoded once, scanned and matched by keywords once for
/// each setting of what that gathering reads (`QueryPolicy.gathering`), and each stored chunk and
/// the state of its file are read once. Only for searches without a filter, over an index that
/// does not change while the cache lives.
final class EvidenceCache {
    struct Key: Hashable {
        let query: String
        let mode: SearchMode
        let limit: Int
        let context: String?
        let contextSource: String?
        let gathering: QueryPolicy
    }

    private let evidence = Memo<Key, SearchEngine.Evidence>()
    private var storedHits: [Int64: StoredHit] = [:]
    private let vectors = Memo<String, [Float]>()
    private let staleFiles = Memo<String, Bool?>()

    static func key(_ request: SearchRequest, _ policy: QueryPolicy) -> Key {
        Key(
            query: request.query, mode: request.mode, limit: request.limit, context: request.context?.text,
            contextSource: request.context?.source, gathering: policy.gathering)
    }

    func evidence(for key: Key, gather: () throws -> SearchEngine.Evidence) rethrows -> SearchEngine.Evidence {
        try evidence.value(for: key, gather)
    }

    /// The vector of a query's text, encoded the first time.
    func vector(of text: String, encode: () -> [Float]) -> [Float] {
        vectors.value(for: text, encode)
    }

    /// Whether the hit's file changed since it was indexed (nil: it is gone), looked at once.
    func staleness(of hit: StoredHit) -> Bool? {
        staleFiles.value(for: hit.path) { SearchEngine.staleness(of: hit) }
    }

    /// The chunks with these ids, in the order given, each read from `store` the first time.
    func hits(_ chunkIDs: [Int64], store: any KeywordIndex) throws -> [StoredHit] {
        let unread = chunkIDs.filter { storedHits[$0] == nil }
        for hit in try store.hits(unread) { storedHits[hit.chunkID] = hit }
        return chunkIDs.compactMap { storedHits[$0] }
    }
}
