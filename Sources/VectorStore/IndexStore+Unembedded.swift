import IndexStorage
import SemfindCore
import VectorIndex

extension IndexStore {
    /// How many stored chunks wait for their vectors.
    public func unembeddedCount() throws -> Int {
        Int(try database.integer("SELECT count(*) FROM unembedded_chunks"))
    }

    /// Up to `limit` chunks waiting for vectors with ids above `after`, in id order: the files'
    /// opening chunks (`openings`) or the others. Embedding every opening first makes each
    /// file findable by meaning as early as possible (the ranking leans on openings).
    public func unembeddedChunks(openings: Bool, after: Int64, limit: Int) throws -> [UnembeddedChunk] {
        let statement = try database.prepare(
            """
            SELECT chunks.id, chunks.text, chunks.heading_path, chunks.chunk_hash
            FROM unembedded_chunks JOIN chunks ON chunks.id = unembedded_chunks.chunk_id
            WHERE unembedded_chunks.chunk_id > ? AND (chunks.ordinal = 0) = ?
            ORDER BY unembedded_chunks.chunk_id LIMIT ?
            """
        )
        .bind(.integer(after), .int(openings ? 1 : 0), .int(limit))
        var chunks: [UnembeddedChunk] = []
        while try statement.step() {
            let headings = statement.text(2)
            chunks.append(
                UnembeddedChunk(
                    id: statement.int64(0), text: statement.text(1),
                    headingPath: headings.isEmpty ? [] : headings.components(separatedBy: Self.headingSeparator),
                    hash: statement.text(3)))
        }
        return chunks
    }

    /// Stores the vectors of waiting chunks, in one transaction; a chunk that no longer waits
    /// (deleted, or given its vector since) is passed over.
    public func storeVectors(_ vectors: [(chunkID: Int64, vector: [Float])]) throws {
        guard !vectors.isEmpty else { return }
        try database.transaction {
            let precision = try vectorPrecision()
            let waiting = try database.cachedStatement("DELETE FROM unembedded_chunks WHERE chunk_id = ?")
            let insert = try database.cachedStatement("INSERT INTO vectors(chunk_id, vector) VALUES (?, ?)")
            var stored: [(chunkID: Int64, vector: [Float])] = []
            for (chunkID, vector) in vectors {
                try waiting.bind(.integer(chunkID)).run()
                guard database.changes > 0 else { continue }
                try insert.bind(.integer(chunkID), .blob(VectorCodec.encode(vector, as: precision))).run()
                stored.append((chunkID, vector))
            }
            try fileUnderLists(chunkIDs: stored.map(\.chunkID), vectors: stored.map(\.vector))
            try advanceGeneration()
        }
    }
}
