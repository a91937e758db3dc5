extension IndexStore {
    // Chunk ids only grow (meta `next_chunk_id`; SQLite alone would give a deleted largest id
    // out again), so an id names one chunk and one vector for the index's life, and a vector
    // snapshot can tell the rows written after it by their ids.

    /// The lowest chunk id never given out: the recorded one (in `meta`), or one more than the
    /// largest id present in an index that has none recorded yet.
    func nextChunkID(_ meta: IndexMeta) throws -> Int64 {
        max(meta.nextChunkID, try database.integer("SELECT coalesce(max(id), 0) + 1 FROM chunks"))
    }

    /// Records that every id below `next` has been given out; in the caller's transaction.
    func recordChunkIDs(below next: Int64) throws {
        try setMeta(.nextChunkID, String(next))
    }

    /// Records the next chunk id when the index has none recorded yet (an index made before ids
    /// were recorded), so that what a snapshot written now holds can never be given out again.
    func settleNextChunkID() throws {
        let meta = try meta()
        guard meta[.nextChunkID] == nil else { return }
        try database.transaction { try recordChunkIDs(below: try nextChunkID(meta)) }
    }
}
