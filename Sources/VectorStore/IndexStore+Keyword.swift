import SemfindCore

/// The two keyword indexes over chunk text.
public enum KeywordTable: String, Sendable {
    /// Words as Unicode defines them (letters and digits), diacritics folded: most languages.
    case words = "chunks_fts"
    /// Every run of three characters: text without spaces between words (Chinese, Japanese).
    case trigrams = "chunks_trigram"
}

extension IndexStore {
    /// The `limit` chunks that best match an FTS5 `expression` by BM25, best first, with a
    /// score where higher is better and their file's chunk count; only chunks of `fileIDs`
    /// when given.
    public func keywordSearch(
        _ expression: String, in table: KeywordTable, fileIDs: Set<Int64>? = nil, limit: Int
    ) throws -> [(chunkID: Int64, fileID: Int64, score: Double, fileChunks: Int)] {
        let name = table.rawValue
        var sql = """
            SELECT \(name).rowid, chunks.file_id, -bm25(\(name)) AS score,
                (SELECT count(*) FROM chunks AS siblings WHERE siblings.file_id = chunks.file_id)
            FROM \(name) JOIN chunks ON chunks.id = \(name).rowid WHERE \(name) MATCH ?
            """
        if let fileIDs {
            guard !fileIDs.isEmpty else { return [] }
            sql += " AND chunks.file_id IN (\(fileIDs.map(String.init).joined(separator: ",")))"
        }
        sql += " ORDER BY score DESC LIMIT ?"
        let statement = try database.prepare(sql).bind(.text(expression), .int(limit))
        var found: [(chunkID: Int64, fileID: Int64, score: Double, fileChunks: Int)] = []
        while try statement.step() {
            found.append((statement.int64(0), statement.int64(1), statement.double(2), statement.int(3)))
        }
        return found
    }
}
