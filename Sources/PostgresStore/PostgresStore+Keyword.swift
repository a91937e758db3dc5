import IndexStorage
import SemfindCore

extension PostgresStore {
    /// The `limit` chunks that best match `expression`, best first.
    ///
    /// Words: the GIN index on `words` finds the chunks, and BM25 ranks them as SQLite's FTS5
    /// does (`bm25()`: k1 1.2, b 0.75, each term's inverse document frequency over the chunks,
    /// floored at 1e-6; a term's frequency is its count in the text plus `headingWeight` times
    /// its count in the heading path, counted only where the term's AND group matches; a chunk's
    /// length is its word count, text and heading path, `word_count`, against the average kept
    /// in `chunk_totals`). A term's chunk count comes from `knownFrequencies` (the caller's,
    /// from `chunkFrequencies`) or is counted here. Diacritics are not folded (FTS5 folds them).
    /// Trigrams: the chunks that hold any of the quoted runs (found through `pg_trgm`'s GIN
    /// index), scored by how many of them they hold.
    public func keywordSearch(
        _ expression: String, in table: KeywordTable, fileIDs: Set<Int64>?, limit: Int, headingWeight: Double,
        knownFrequencies: [String: Int]
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
            // Each term with its group (1-based): as in FTS5, a term counts in a chunk only when
            // its whole group matches there (a common word of the AND group counts only beside
            // the others).
            let grouped = parsed.groups.enumerated().flatMap { index, group in group.map { ($0, index + 1) } }
            let words = grouped.map(\.0)
            let unknown = Array(Set(words.filter { knownFrequencies[$0] == nil }))
            let counted = unknown.isEmpty ? [:] : try chunkFrequencies(of: unknown)
            parameters.append(Self.arrayLiteral(words))
            parameters.append(Self.arrayLiteral(grouped.map { String($0.1) }))
            parameters.append(Self.arrayLiteral(words.map { String(knownFrequencies[$0] ?? counted[$0] ?? 0) }))
            let terms = parameters.count - 2
            parameters.append(String(headingWeight.isFinite ? max(0, headingWeight) : 1))
            query = """
                WITH q AS MATERIALIZED (SELECT \(groups.joined(separator: " || ")) AS query),
                terms AS MATERIALIZED (
                    SELECT DISTINCT ON (lexeme, grp) lexeme, grp,
                        greatest(ln((totals.chunks - given.holding + 0.5) / (given.holding + 0.5)), 1e-6) AS idf
                    FROM unnest($\(terms)::text[], $\(terms + 1)::int[], $\(terms + 2)::float8[])
                        AS given(term, grp, holding)
                    CROSS JOIN (SELECT chunks::float8 AS chunks FROM chunk_totals) totals
                    CROSS JOIN LATERAL unnest(to_tsvector('simple', term)) AS lexemes
                ),
                average AS MATERIALIZED (
                    SELECT greatest(words::float8 / greatest(chunks, 1), 1) AS length FROM chunk_totals
                ),
                matched AS (
                    SELECT chunks.id, chunks.file_id, chunks.words, chunks.word_count,
                        ARRAY[\(groups.map { "chunks.words @@ \($0)" }.joined(separator: ", "))] AS groups
                    FROM chunks, q WHERE chunks.words @@ q.query \(filter ?? "")
                )
                SELECT matched.id, matched.file_id,
                    sum(terms.idf * found.frequency * 2.2
                        / (found.frequency + 1.2 * (0.25 + 0.75 * matched.word_count / average.length))) AS score
                FROM matched CROSS JOIN average
                CROSS JOIN LATERAL (
                    SELECT entry.lexeme, weighed.frequency
                    FROM unnest(matched.words) AS entry
                    CROSS JOIN LATERAL (
                        SELECT count(*) FILTER (WHERE weight = 'D') + $\(parameters.count)::float8
                            * count(*) FILTER (WHERE weight = 'A') AS frequency
                        FROM unnest(entry.weights) AS weight
                    ) weighed
                    WHERE entry.lexeme = ANY(ARRAY(SELECT lexeme FROM terms))
                ) found
                JOIN terms ON terms.lexeme = found.lexeme AND matched.groups[terms.grp]
                GROUP BY matched.id, matched.file_id
                ORDER BY score DESC, matched.id LIMIT $1
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
        // Memory to sort and group every matched chunk in (a common word matches half of a
        // large index; the default 4 MB spilled to disk and made the bitmap lossy).
        let rows = try connection.transaction {
            try connection.execute("SET LOCAL work_mem = '64MB'")
            return try connection.execute(query, parameters)
        }
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
        Int(try connection.integer("SELECT chunks FROM chunk_totals"))
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
