import IndexStorage

extension PostgresStore {
    /// How deep pgvector's HNSW search looks (`hnsw.ef_search`) unless the index measured its
    /// own (`refreshVectorSearch`): pgvector's default.
    static let defaultSearchDepth = 40
    /// The deepest search asked for (pgvector's limit for `hnsw.ef_search` is 1,000).
    static let deepestSearch = 1000

    /// The search depth the index measured for its own recall target, or the default.
    public func searchDepth() throws -> Int {
        try meta("hnsw_ef_search").flatMap { Int($0) } ?? Self.defaultSearchDepth
    }

    /// The depth a search for `limit` chunks asks for: the measured one, at least `limit`, at
    /// most pgvector's limit.
    func searchDepth(for limit: Int) throws -> Int {
        min(max(try searchDepth(), limit), Self.deepestSearch)
    }

    /// The `limit` chunks whose vectors are nearest `vector` by cosine distance, nearest first,
    /// with their file and cosine similarity: pgvector's HNSW index answers (`ORDER BY embedding
    /// <=> $1`), at least `searchDepth()` and `limit` candidates deep, so it is approximate. With
    /// `fileIDs`, only those files' chunks: the filter is part of the query, and pgvector 0.8's
    /// iterative index scan (`hnsw.iterative_scan = relaxed_order`) goes on past the first
    /// candidates until `limit` allowed chunks are found (reordered exactly afterwards). With
    /// `openings`, only the files' opening chunks (the first of each file).
    public func nearestChunks(
        to vector: [Float], limit: Int, fileIDs: Set<Int64>? = nil, openings: Bool = false
    ) throws -> [(chunkID: Int64, fileID: Int64, similarity: Double)] {
        if let fileIDs, fileIDs.isEmpty { return [] }
        let depth = try searchDepth(for: limit)
        var parameters: [String?] = [Self.text(vector), String(limit)]
        var conditions = openings ? ["ordinal = 0"] : []
        if let fileIDs {
            parameters.append(Self.arrayLiteral(fileIDs.map(String.init)))
            conditions.append("file_id = ANY($3::bigint[])")
        }
        let filter =
            conditions.isEmpty
            ? "" : "WHERE chunk_id IN (SELECT id FROM chunks WHERE \(conditions.joined(separator: " AND ")))"
        // The nearest rows are asked of `vectors` alone and joined to their files afterwards:
        // pgvector 0.8.2 answered the same search joined to `chunks` inside the CTE without the
        // nearest chunk (pyfaq, "Is there a scanf() or sscanf() equivalent?", ef_search 600).
        let rows = try connection.transaction {
            try connection.execute("SET LOCAL hnsw.ef_search = \(depth); SET LOCAL hnsw.iterative_scan = relaxed_order")
            return try connection.execute(
                """
                WITH nearest AS MATERIALIZED (
                    SELECT chunk_id, embedding <=> $1 AS distance FROM vectors \(filter)
                    ORDER BY embedding <=> $1 LIMIT $2
                )
                SELECT nearest.chunk_id, chunks.file_id, 1 - nearest.distance
                FROM nearest JOIN chunks ON chunks.id = nearest.chunk_id ORDER BY nearest.distance, nearest.chunk_id
                """, parameters)
        }
        return (0..<rows.count).map { (rows.int64($0, 0), rows.int64($0, 1), rows.double($0, 2)) }
    }

    /// Each of `fileIDs`' opening chunk (its first) and chunk count.
    public func fileOpenings(_ fileIDs: [Int64]) throws -> [Int64: (opening: Int64, chunks: Int)] {
        guard !fileIDs.isEmpty else { return [:] }
        let rows = try connection.execute(
            "SELECT file_id, min(id), count(*) FROM chunks WHERE file_id = ANY($1::bigint[]) GROUP BY file_id",
            [Self.arrayLiteral(fileIDs.map(String.init))])
        return Dictionary(
            uniqueKeysWithValues: (0..<rows.count).map { (rows.int64($0, 0), (rows.int64($0, 1), rows.int($0, 2))) })
    }

    /// The cosine similarity of `vector` with each of `chunkIDs` that has a vector, computed in
    /// the database.
    public func similarities(ofChunks chunkIDs: [Int64], to vector: [Float]) throws -> [Int64: Double] {
        guard !chunkIDs.isEmpty else { return [:] }
        let rows = try connection.execute(
            "SELECT chunk_id, 1 - (embedding <=> $1) FROM vectors WHERE chunk_id = ANY($2::bigint[])",
            [Self.text(vector), Self.arrayLiteral(chunkIDs.map(String.init))])
        return Dictionary(uniqueKeysWithValues: (0..<rows.count).map { (rows.int64($0, 0), rows.double($0, 1)) })
    }

    /// The vectors of `chunkIDs` and of every chunk of `fileIDs`, in chunk id order, each with
    /// its file; read in binary form (a thousand rows of text floats took some 100 ms to print
    /// and parse). Two indexed lookups in a `UNION`: with `OR`, PostgreSQL read every row (some
    /// 170 ms of 100,000).
    public func vectorRows(ofChunks chunkIDs: [Int64], wholeFiles fileIDs: [Int64]) throws -> [(
        chunkID: Int64, fileID: Int64, vector: [Float]
    )] {
        let rows = try connection.execute(
            """
            SELECT vectors.chunk_id, chunks.file_id, vectors.embedding
            FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id WHERE vectors.chunk_id = ANY($1::bigint[])
            UNION
            SELECT vectors.chunk_id, chunks.file_id, vectors.embedding
            FROM chunks JOIN vectors ON vectors.chunk_id = chunks.id WHERE chunks.file_id = ANY($2::bigint[])
            ORDER BY 1
            """,
            [Self.arrayLiteral(chunkIDs.map(String.init)), Self.arrayLiteral(fileIDs.map(String.init))], binary: true)
        return (0..<rows.count).map { (rows.binaryInt64($0, 0), rows.binaryInt64($0, 1), rows.binaryVector($0, 2)) }
    }
}
