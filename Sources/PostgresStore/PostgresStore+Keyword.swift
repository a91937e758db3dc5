import IndexStorage
import SemfindCore

extension PostgresStore {
    /// The `limit` chunks that best match `expression`, best first.
    ///
    /// Words: the GIN index on `words` finds the chunks, and `ts_rank_cd` (cover density, with
    /// the length normalization that divides by 1 + log of the chunk's length) ranks them, a
    /// heading-path match counting `headingWeight` times a text match. That is BM25-like, not
    /// BM25: no term is weighted by its rarity across the index, and a term's repeats count
    /// through how close together the matches lie rather than a saturating frequency.
    /// Trigrams: the chunks that hold any of the quoted runs (found through `pg_trgm`'s GIN
    /// index), scored by how many of them they hold.
    public func keywordSearch(
        _ expression: String, in table: KeywordTable, fileIDs: Set<Int64>?, limit: Int, headingWeight: Double
    ) throws -> [(chunkID: Int64, fileID: Int64, score: Double, fileChunks: Int)] {
        if let fileIDs, fileIDs.isEmpty { return [] }
        let parsed = try KeywordExpression(expression)
        var parameters: [String?] = [String(limit)]
        let filter = fileIDs.map { ids -> String in
            parameters.append(Self.arrayLiteral(ids.map(String.init)))
            return "AND chunks.file_id = ANY($2::bigint[])"
        }
        let query: String
        switch table {
        case .words:
            var groups: [String] = []
            for group in parsed.groups {
                let terms = group.map { term -> String in
                    parameters.append(term)
                    return "plainto_tsquery('simple', $\(parameters.count))"
                }
                groups.append("(" + terms.joined(separator: " && ") + ")")
            }
            parameters.append(Self.rankWeights(headingWeight: headingWeight))
            query = """
                WITH q AS (SELECT \(groups.joined(separator: " || ")) AS query)
                SELECT chunks.id, chunks.file_id, ts_rank_cd($\(parameters.count)::float4[], chunks.words, q.query, 1)
                    AS score
                FROM chunks, q WHERE chunks.words @@ q.query \(filter ?? "")
                ORDER BY score DESC, chunks.id LIMIT $1
                """
        case .trigrams:
            var patterns: [String] = []
            for term in parsed.terms {
                parameters.append("%" + Self.escapedForLike(term) + "%")
                patterns.append("chunks.text LIKE $\(parameters.count)")
            }
            query = """
                SELECT chunks.id, chunks.file_id,
                    (\(patterns.map { "(\($0))::int" }.joined(separator: " + ")))::float8 AS score
                FROM chunks WHERE (\(patterns.joined(separator: " OR "))) \(filter ?? "")
                ORDER BY score DESC, chunks.id LIMIT $1
                """
        }
        let rows = try connection.execute(query, parameters)
        let found = (0..<rows.count).map { (rows.int64($0, 0), rows.int64($0, 1), rows.double($0, 2)) }
        let counts = try chunkCounts(ofFiles: Set(found.map(\.1)))
        return found.map { ($0.0, $0.1, $0.2, counts[$0.1] ?? 1) }
    }

    /// How many chunks hold each of these words (in their text or heading path).
    public func chunkFrequencies(of words: [String]) throws -> [String: Int] {
        let rows = try connection.execute(
            """
            SELECT word, (SELECT count(*) FROM chunks WHERE words @@ plainto_tsquery('simple', word))
            FROM unnest($1::text[]) AS word
            """,
            [Self.arrayLiteral(words)])
        return Dictionary((0..<rows.count).map { (rows.text($0, 0), rows.int($0, 1)) }) { first, _ in first }
    }

    public func chunkCount() throws -> Int {
        Int(try connection.integer("SELECT count(*) FROM chunks"))
    }

    public func generation() throws -> Int64 {
        Int64(try meta("generation") ?? "") ?? 0
    }

    /// The chunks with these ids, in the order given (ids no longer stored are left out).
    public func hits(_ chunkIDs: [Int64]) throws -> [StoredHit] {
        guard !chunkIDs.isEmpty else { return [] }
        let rows = try connection.execute(
            """
            SELECT chunks.id, files.path, chunks.text, chunks.heading_path, chunks.first_line, chunks.last_line,
                chunks.first_byte, chunks.end_byte, chunks.page_start, chunks.page_end, files.size, files.mtime_ns,
                files.plugin
            FROM chunks JOIN files ON files.id = chunks.file_id WHERE chunks.id = ANY($1::bigint[])
            """,
            [Self.arrayLiteral(chunkIDs.map(String.init))])
        var byID: [Int64: StoredHit] = [:]
        for row in 0..<rows.count {
            let pages = rows.isNull(row, 8) ? nil : rows.int(row, 8)...max(rows.int(row, 8), rows.int(row, 9))
            byID[rows.int64(row, 0)] = StoredHit(
                chunkID: rows.int64(row, 0), path: rows.text(row, 1), text: rows.text(row, 2),
                headingPath: Self.headingPath(rows.text(row, 3)),
                span: SourceSpan(
                    firstLine: rows.int(row, 4), lastLine: rows.int(row, 5), bytes: rows.int(row, 6)..<rows.int(row, 7),
                    pages: pages),
                fileSize: rows.int(row, 10), fileModified: rows.int64(row, 11), plugin: rows.text(row, 12))
        }
        return chunkIDs.compactMap { byID[$0] }
    }

    /// How many chunks each of these files has.
    func chunkCounts(ofFiles fileIDs: Set<Int64>) throws -> [Int64: Int] {
        guard !fileIDs.isEmpty else { return [:] }
        let rows = try connection.execute(
            "SELECT file_id, count(*) FROM chunks WHERE file_id = ANY($1::bigint[]) GROUP BY file_id",
            [Self.arrayLiteral(fileIDs.map(String.init))])
        return Dictionary(uniqueKeysWithValues: (0..<rows.count).map { (rows.int64($0, 0), rows.int($0, 1)) })
    }

    /// `ts_rank_cd`'s weights of labels D, C, B, A (text, unused, unused, heading path), each at
    /// most 1 as PostgreSQL requires: the heading path's `headingWeight` times the text's.
    static func rankWeights(headingWeight: Double) -> String {
        let heading = headingWeight.isFinite ? max(0, headingWeight) : 1
        let (text, title) = heading > 1 ? (1 / heading, 1.0) : (1.0, heading)
        return "{\(text),0,0,\(title)}"
    }

    /// A PostgreSQL array literal of `values`, each quoted ("{\"a\",\"b\"}").
    static func arrayLiteral(_ values: [String]) -> String {
        let quoted = values.map {
            "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }

    /// `text` with LIKE's wildcards and escape character taken literally.
    static func escapedForLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
