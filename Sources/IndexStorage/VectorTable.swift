/// The stored vectors, one per chunk, and the chunks waiting for theirs: what the embedding
/// phase of `semfind index` reads and writes.
public protocol VectorTable: AnyObject {
    /// The vectors already stored for chunks of these content hashes (equal text, equal vector).
    func vectors(forChunkHashes hashes: [String]) throws -> [String: [Float]]
    /// How many chunks wait for their vectors.
    func unembeddedCount() throws -> Int
    /// Up to `limit` waiting chunks with ids above `after`, in id order: the files' opening
    /// chunks (`openings`) or the others.
    func unembeddedChunks(openings: Bool, after: Int64, limit: Int) throws -> [UnembeddedChunk]
    /// `unembeddedChunks`, claimed for this store's run: when several runs embed one index at
    /// once, a chunk goes to one run at a time, and a claim its run never fulfilled (the run
    /// died) lapses after a while, so that another run embeds the chunk.
    func claimUnembedded(openings: Bool, after: Int64, limit: Int) throws -> [UnembeddedChunk]
    /// Stores the vectors of waiting chunks together; a chunk that no longer waits is passed over.
    func storeVectors(_ vectors: [(chunkID: Int64, vector: [Float])]) throws
}
