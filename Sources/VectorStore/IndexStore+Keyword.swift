import IndexStorage
import SemfindCore

extension IndexStore {
    /// The `limit` chunks that best match an FTS5 `expression` by BM25, best first, with a
    /// score where higher is better and their file's chunk count; only chunks of `fileIDs`
    /// when given. In the word index a match in the chunk's heading path counts
    /// `headingWeight` times a match in its text (BM25 over two fields). FTS5 counts its words'
    /// chunks itself: `knownFrequencies` are not needed.
    public func keywordSearch(
        _ expression: String, in table: KeywordTable, fileIDs: Set<Int64>? = nil, limit: Int,
        headingWeight: Double = 1, knownFrequencies _: [String: Int] = [:]
    ) throws -> [(chunkID: Int64, fileID: Int64, score: Double, fileChunks: Int)] {
        let name = table.rawValue
        let bm25 =
            switch table {
            case .words: "bm25(\(name), 1.0, \(headingWeight.isFinite ? max(0, headingWeight) : 1))"
            case .trigrams: "bm25(\(name))"
            }
        var found: [(chunkID: Int64, fileID: Int64, score: Double)] = []
        if let fileIDs {
            // Filtered: the join decides which matches may count, before the limit.
            guard !fileIDs.isEmpty else { return [] }
            let statement = try database.prepare(
                """
                SELECT \(name).rowid, chunks.file_id, -\(bm25) AS score
                FROM \(name) JOIN chunks ON chunks.id = \(name).rowid
                WHERE \(name) MATCH ? AND chunks.file_id IN (\(fileIDs.map(String.init).joined(separator: ",")))
                ORDER BY score DESC LIMIT ?
                """
            ).bind(.text(expression), .int(limit))
            while try statement.step() {
                found.append((statement.int64(0), statement.int64(1), statement.double(2)))
            }
        } else {
            // Unfiltered: rank inside FTS5 alone, then look up the files of the few kept.
            let statement = try database.prepare(
                "SELECT rowid, -\(bm25) FROM \(name) WHERE \(name) MATCH ? ORDER BY \(bm25) LIMIT ?"
            ).bind(.text(expression), .int(limit))
            var ranked: [(chunkID: Int64, score: Double)] = []
            while try statement.step() { ranked.append((statement.int64(0), statement.double(1))) }
            let owners = try files(ofChunks: ranked.map(\.chunkID))
            found = ranked.compactMap { match in owners[match.chunkID].map { (match.chunkID, $0, match.score) } }
        }
        let counts = try chunkCounts(ofFiles: Set(found.map(\.fileID)))
        return found.map { ($0.chunkID, $0.fileID, $0.score, counts[$0.fileID] ?? 1) }
    }

    /// How many chunks hold each of these words (as the word index spells them, lowercased).
    public func chunkFrequencies(of words: [String]) throws -> [String: Int] {
        let statement = try database.prepare("SELECT doc FROM chunks_fts_terms WHERE term = ?")
        var frequencies: [String: Int] = [:]
        for word in words {
            try statement.bind(.text(word))
            frequencies[word] = try statement.step() ? statement.int(0) : 0
        }
        return frequencies
    }

    /// How many chunks the index holds. Every chunk has one vector or waits for one, so a
    /// current vector snapshot's header and the (mostly empty) waiting list say it; counting the
    /// rows instead reads a whole index of the chunks table into a fresh connection
    /// (milliseconds on every one-shot search).
    public func chunkCount() throws -> Int {
        if let snapshot = snapshotOfThisGeneration(try meta()) {
            return snapshot.count + (try unembeddedCount())
        }
        return Int(try database.integer("SELECT count(*) FROM chunks"))
    }

    /// The file of each of these chunks.
    func files(ofChunks chunkIDs: [Int64]) throws -> [Int64: Int64] {
        guard !chunkIDs.isEmpty else { return [:] }
        let statement = try database.prepare(
            "SELECT id, file_id FROM chunks WHERE id IN (\(chunkIDs.map(String.init).joined(separator: ",")))")
        var files: [Int64: Int64] = [:]
        while try statement.step() { files[statement.int64(0)] = statement.int64(1) }
        return files
    }

    /// How many chunks each of these files has.
    func chunkCounts(ofFiles fileIDs: Set<Int64>) throws -> [Int64: Int] {
        guard !fileIDs.isEmpty else { return [:] }
        let list = fileIDs.map(String.init).joined(separator: ",")
        let statement = try database.prepare(
            "SELECT file_id, count(*) FROM chunks WHERE file_id IN (\(list)) GROUP BY file_id")
        var counts: [Int64: Int] = [:]
        while try statement.step() { counts[statement.int64(0)] = statement.int(1) }
        return counts
    }
}
