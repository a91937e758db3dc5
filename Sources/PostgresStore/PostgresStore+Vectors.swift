import IndexStorage

extension PostgresStore {
    /// Stored vectors for any of `hashes`, so that unchanged chunks are not embedded again.
    public func vectors(forChunkHashes hashes: [String]) throws -> [String: [Float]] {
        guard !hashes.isEmpty else { return [:] }
        let rows = try connection.execute(
            """
            SELECT DISTINCT ON (chunks.chunk_hash) chunks.chunk_hash, vectors.embedding
            FROM chunks JOIN vectors ON vectors.chunk_id = chunks.id WHERE chunks.chunk_hash = ANY($1::text[])
            """,
            [Self.arrayLiteral(Array(Set(hashes)))])
        return Dictionary(uniqueKeysWithValues: (0..<rows.count).map { (rows.text($0, 0), rows.vector($0, 1)) })
    }

    public func unembeddedCount() throws -> Int {
        Int(try connection.integer("SELECT count(*) FROM unembedded_chunks"))
    }

    /// Up to `limit` chunks waiting for vectors with ids above `after`, in id order: the files'
    /// opening chunks (`openings`) or the others.
    public func unembeddedChunks(openings: Bool, after: Int64, limit: Int) throws -> [UnembeddedChunk] {
        let rows = try connection.execute(
            """
            SELECT chunks.id, chunks.text, chunks.heading_path, chunks.chunk_hash
            FROM unembedded_chunks JOIN chunks ON chunks.id = unembedded_chunks.chunk_id
            WHERE unembedded_chunks.chunk_id > $1 AND (chunks.ordinal = 0) = $2
            ORDER BY unembedded_chunks.chunk_id LIMIT $3
            """,
            [String(after), openings ? "true" : "false", String(limit)])
        return (0..<rows.count).map {
            UnembeddedChunk(
                id: rows.int64($0, 0), text: rows.text($0, 1), headingPath: Self.headingPath(rows.text($0, 2)),
                hash: rows.text($0, 3))
        }
    }

    /// Stores the vectors of waiting chunks, in one transaction and a few statements (the
    /// vectors go to a temporary table first); a chunk that no longer waits (deleted, or given
    /// its vector since) is passed over.
    public func storeVectors(_ vectors: [(chunkID: Int64, vector: [Float])]) throws {
        guard !vectors.isEmpty else { return }
        try connection.transaction {
            try connection.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS given_vectors(chunk_id bigint, embedding vector) ON COMMIT DROP")
            try connection.insert(
                into: "given_vectors(chunk_id, embedding)",
                rows: vectors.map { [String($0.chunkID), Self.text($0.vector)] })
            try connection.execute(
                """
                WITH waiting AS (
                    DELETE FROM unembedded_chunks USING given_vectors
                    WHERE unembedded_chunks.chunk_id = given_vectors.chunk_id RETURNING unembedded_chunks.chunk_id
                )
                INSERT INTO vectors(chunk_id, embedding)
                SELECT DISTINCT ON (chunk_id) chunk_id, given_vectors.embedding FROM given_vectors JOIN waiting USING (chunk_id);
                DELETE FROM given_vectors
                """)
            try advanceGeneration()
        }
    }
}
