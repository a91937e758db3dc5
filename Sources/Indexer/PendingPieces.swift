import SemfindCore

/// The word pieces of the chunks this run wrote without a vector, by content hash, kept from
/// the chunker for the embedding phase so that no chunk is tokenized twice. Memory is bounded:
/// past `limit` pieces in all (64 MB of ids; about 100,000 chunks of 160 pieces), further
/// chunks are tokenized again when embedded, as are chunks left waiting by an earlier run.
struct PendingPieces {
    static let defaultLimit = 16 << 20

    let limit: Int
    private var byHash: [String: [Int32]] = [:]
    private var held = 0

    init(limit: Int = Self.defaultLimit) {
        self.limit = limit
    }

    /// Keeps `chunk`'s pieces for the embedder, while within the limit.
    mutating func keep(_ chunk: Chunk) {
        guard let pieces = chunk.pieces, held + pieces.count <= limit else { return }
        let hash = chunk.contentHash
        guard byHash[hash] == nil else { return }
        byHash[hash] = pieces
        held += pieces.count
    }

    /// The pieces kept for the chunk whose content hash is `hash`, given up to the caller.
    mutating func take(_ hash: String) -> [Int32]? {
        guard let pieces = byHash.removeValue(forKey: hash) else { return nil }
        held -= pieces.count
        return pieces
    }
}
