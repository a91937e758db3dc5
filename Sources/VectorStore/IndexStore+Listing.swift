extension IndexStore {
    /// Every indexed file with its chunks' texts in order, files by path: what the index holds,
    /// for comparing two indexes (`semfind status --list-chunks`, used by the tests).
    public func chunkTextsByFile() throws -> [(path: String, chunks: [String])] {
        let statement = try database.prepare(
            """
            SELECT files.path, coalesce(chunks.text, ''), chunks.id IS NULL FROM files LEFT JOIN chunks ON chunks.file_id = files.id
            ORDER BY files.path, chunks.ordinal
            """)
        var listing: [(path: String, chunks: [String])] = []
        while try statement.step() {
            let path = statement.text(0)
            if listing.last?.path != path { listing.append((path, [])) }
            if statement.int(2) == 0 { listing[listing.count - 1].chunks.append(statement.text(1)) }
        }
        return listing
    }
}

extension IndexStore {
    /// SQLite's own check of the database file: "ok", or the problems it found.
    public func integrityCheck() throws -> String {
        let statement = try database.prepare("PRAGMA integrity_check")
        var lines: [String] = []
        while try statement.step() { lines.append(statement.text(0)) }
        return lines.joined(separator: "\n")
    }
}
