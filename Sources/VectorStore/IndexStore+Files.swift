import Foundation
import IndexStorage
import SemfindCore
import VectorIndex

extension IndexStore {
    /// Heading paths are stored as one text, titles separated by this (not found in titles).
    public static let headingSeparator = " \u{203A} "

    /// The id of a root folder, added on first use.
    public func rootID(for root: String) throws -> Int64 {
        let find = try database.cachedStatement("SELECT id FROM roots WHERE path = ?").bind(.text(root))
        if try find.step() {
            defer { find.reset() }
            return find.int64(0)
        }
        try database.prepare("INSERT INTO roots(path, added_at) VALUES (?, ?)")
            .bind(.text(root), .integer(Int64(Date().timeIntervalSince1970))).run()
        return database.lastInsertedRowID
    }

    public func file(at path: String) throws -> FileRecord? {
        let statement = try database.prepare(
            "SELECT path, size, mtime_ns, content_hash, plugin, plugin_version FROM files WHERE path = ?"
        ).bind(.text(path))
        guard try statement.step() else { return nil }
        return FileRecord(
            path: statement.text(0), size: statement.int(1), modified: statement.int64(2),
            contentHash: statement.text(3), plugin: statement.text(4), pluginVersion: statement.int(5))
    }

    /// Paths of every indexed file under the root `root`.
    public func filePaths(underRoot root: String) throws -> [String] {
        let statement = try database.prepare(
            "SELECT files.path FROM files JOIN roots ON roots.id = files.root_id WHERE roots.path = ?"
        ).bind(.text(root))
        var paths: [String] = []
        while try statement.step() { paths.append(statement.text(0)) }
        return paths
    }

    /// Paths of every indexed file that is `path` or lies under the folder `path`.
    ///
    /// "Under" is a range of the path index: from "path/" up to "path0" ("0" follows "/"), so a
    /// watcher's update of a few paths costs a few index seeks, not a scan of every file.
    public func filePaths(atOrUnder path: String) throws -> [String] {
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        let statement = try database.prepare(
            "SELECT path FROM files WHERE path = ? OR (path >= ? AND path < ?)"
        ).bind(.text(folder), .text(folder + "/"), .text(folder + "0"))
        var paths: [String] = []
        while try statement.step() { paths.append(statement.text(0)) }
        return paths
    }

    /// Stored vectors for any of `hashes`, so that unchanged chunks (in this file or a moved
    /// one) are not embedded again.
    public func vectors(forChunkHashes hashes: [String]) throws -> [String: [Float]] {
        let statement = try database.prepare(
            "SELECT vectors.vector FROM chunks JOIN vectors ON vectors.chunk_id = chunks.id WHERE chunks.chunk_hash = ? LIMIT 1"
        )
        let dimension = try vectorDimension()
        var found: [String: [Float]] = [:]
        for hash in Set(hashes) {
            try statement.bind(.text(hash))
            if try statement.step() { found[hash] = VectorCodec.decode(statement.blob(0), dimension: dimension) }
        }
        return found
    }

    /// Replaces everything stored for one file with `chunks`, in one transaction. A chunk
    /// without a vector is stored as waiting for one: keyword search finds it at once.
    public func replaceFile(_ record: FileRecord, root: String, chunks: [StoredChunk]) throws {
        try database.transaction {
            let rootID = try rootID(for: root)
            try deleteChunks(ofFileAt: record.path)
            let upsert = try database.cachedStatement(
                """
                INSERT INTO files(root_id, path, size, mtime_ns, content_hash, plugin, plugin_version, indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET root_id = excluded.root_id, size = excluded.size,
                    mtime_ns = excluded.mtime_ns, content_hash = excluded.content_hash, plugin = excluded.plugin,
                    plugin_version = excluded.plugin_version, indexed_at = excluded.indexed_at
                RETURNING id
                """
            )
            try upsert.bind(
                .integer(rootID), .text(record.path), .int(record.size), .integer(record.modified),
                .text(record.contentHash), .text(record.plugin), .int(record.pluginVersion),
                .integer(Int64(Date().timeIntervalSince1970)))
            guard try upsert.step() else { throw SemfindError(.io, "index \(path): no id for \(record.path)") }
            let fileID = upsert.int64(0)
            try upsert.run()
            let insertChunk = try database.cachedStatement(
                """
                INSERT INTO chunks(id, file_id, ordinal, text, heading_path, first_line, last_line, first_byte,
                    end_byte, chunk_hash, page_start, page_end, opens_section)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertVector = try database.cachedStatement("INSERT INTO vectors(chunk_id, vector) VALUES (?, ?)")
            let insertWaiting = try database.cachedStatement("INSERT INTO unembedded_chunks(chunk_id) VALUES (?)")
            let meta = try meta()
            let precision = try vectorPrecision(meta)
            var embedded: [(chunkID: Int64, vector: [Float])] = []
            let firstID = try nextChunkID(meta)
            for (ordinal, chunk) in chunks.enumerated() {
                let chunkID = firstID + Int64(ordinal)
                try insertChunk.bind(
                    .integer(chunkID), .integer(fileID), .int(ordinal), .text(chunk.text),
                    .text(chunk.headingPath.joined(separator: Self.headingSeparator)), .int(chunk.span.firstLine),
                    .int(chunk.span.lastLine), .int(chunk.span.bytes.lowerBound), .int(chunk.span.bytes.upperBound),
                    .text(chunk.hash), chunk.span.pages.map { .int($0.lowerBound) } ?? .null,
                    chunk.span.pages.map { .int($0.upperBound) } ?? .null, .int(chunk.opensSection ? 1 : 0)
                ).run()
                if let vector = chunk.vector {
                    try insertVector.bind(.integer(chunkID), .blob(VectorCodec.encode(vector, as: precision))).run()
                    embedded.append((chunkID, vector))
                } else {
                    try insertWaiting.bind(.integer(chunkID)).run()
                }
            }
            try recordChunkIDs(below: firstID + Int64(chunks.count))
            try fileUnderLists(chunkIDs: embedded.map(\.chunkID), vectors: embedded.map(\.vector))
            try advanceGeneration()
        }
    }

    /// Records a new size and modification time for a file whose content did not change.
    public func updateStat(ofFileAt path: String, size: Int, modified: Int64) throws {
        try database.prepare("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?")
            .bind(.int(size), .integer(modified), .text(path)).run()
    }

    /// Removes a file and its chunks, in one transaction.
    public func removeFile(at path: String) throws {
        try database.transaction {
            try deleteChunks(ofFileAt: path)
            try database.prepare("DELETE FROM files WHERE path = ?").bind(.text(path)).run()
            try advanceGeneration()
        }
    }

    private func deleteChunks(ofFileAt path: String) throws {
        let file = "(SELECT id FROM files WHERE path = ?)"
        try database.cachedStatement(
            "DELETE FROM vectors WHERE chunk_id IN (SELECT id FROM chunks WHERE file_id = \(file))"
        )
        .bind(.text(path)).run()
        try database.cachedStatement("DELETE FROM chunks WHERE file_id = \(file)").bind(.text(path)).run()
    }

    /// Marks the stored vectors as changed, so that a vector snapshot of the old ones is not used.
    func advanceGeneration() throws {
        try database.cachedStatement("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            .run()
    }
}
