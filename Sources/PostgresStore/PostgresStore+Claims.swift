import IndexStorage
import SemfindCore

/// Several runs on one database. One writer per root: a session-level advisory lock per root
/// folder of the index, taken without waiting and held as long as the store's connection, so
/// that several machines index several roots at once and never two runs one root. Waiting
/// chunks are claimed in groups (`FOR UPDATE SKIP LOCKED`), so that runs embedding at once
/// never embed one chunk twice; a claim lapses after `claimLapseSeconds`.
extension PostgresStore: RootClaims {
    public func claimRoots(_ roots: [String]) throws -> [String] {
        try roots.filter { root in
            try connection.execute(
                "SELECT pg_try_advisory_lock(hashtextextended($1, 0))", ["semfind root \(address.schema) \(root)"]
            ).text(0, 0) != "t"
        }
    }

    public func claimUnembedded(openings: Bool, after: Int64, limit: Int) throws -> [UnembeddedChunk] {
        let rows = try connection.execute(
            """
            WITH free AS (
                SELECT unembedded_chunks.chunk_id FROM unembedded_chunks
                JOIN chunks ON chunks.id = unembedded_chunks.chunk_id
                WHERE unembedded_chunks.chunk_id > $1 AND (chunks.ordinal = 0) = $2
                    AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
                ORDER BY unembedded_chunks.chunk_id LIMIT $3
                FOR UPDATE OF unembedded_chunks SKIP LOCKED
            )
            UPDATE unembedded_chunks SET claimed_until = clock_timestamp() + make_interval(secs => $4)
            FROM free JOIN chunks ON chunks.id = free.chunk_id
            WHERE unembedded_chunks.chunk_id = free.chunk_id
            RETURNING chunks.id, chunks.text, chunks.heading_path, chunks.chunk_hash
            """,
            [String(after), openings ? "true" : "false", String(limit), String(claimLapseSeconds)])
        return (0..<rows.count).map {
            UnembeddedChunk(
                id: rows.int64($0, 0), text: rows.text($0, 1), headingPath: Self.headingPath(rows.text($0, 2)),
                hash: rows.text($0, 3))
        }.sorted { $0.id < $1.id }
    }
}
