import Foundation
import IndexStorage
import SemfindCore

extension PostgresStore {
    /// Heading paths are stored as one text, titles separated by this (not found in titles).
    static let headingSeparator = " \u{203A} "

    static func headingPath(_ stored: String) -> [String] {
        stored.isEmpty ? [] : stored.components(separatedBy: headingSeparator)
    }

    /// The id of a root folder, added on first use with the name of the machine that added it.
    func rootID(for root: String) throws -> Int64 {
        try connection.integer(
            """
            WITH added AS (
                INSERT INTO roots(path, machine, added_at) VALUES ($1, $2, $3) ON CONFLICT(path) DO NOTHING RETURNING id
            )
            SELECT id FROM added UNION ALL SELECT id FROM roots WHERE path = $1
            """,
            [root, Self.machine, String(Int64(Date().timeIntervalSince1970))])
    }

    /// This machine's name, which the roots it adds record.
    static let machine: String = {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "unknown" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// The machine that added each root folder, by path.
    public func rootMachines() throws -> [String: String] {
        let rows = try connection.execute("SELECT path, machine FROM roots")
        return Dictionary(uniqueKeysWithValues: (0..<rows.count).map { (rows.text($0, 0), rows.text($0, 1)) })
    }

    public func file(at path: String) throws -> FileRecord? {
        let rows = try connection.execute(
            "SELECT path, size, mtime_ns, content_hash, plugin, plugin_version FROM files WHERE path = $1", [path])
        guard rows.count > 0 else { return nil }
        return FileRecord(
            path: rows.text(0, 0), size: rows.int(0, 1), modified: rows.int64(0, 2), contentHash: rows.text(0, 3),
            plugin: rows.text(0, 4), pluginVersion: rows.int(0, 5))
    }

    public func filePaths(underRoot root: String) throws -> [String] {
        try connection.execute(
            "SELECT files.path FROM files JOIN roots ON roots.id = files.root_id WHERE roots.path = $1", [root]
        ).texts(0)
    }

    /// "Under" is a range of the path index in byte order (`text_pattern_ops`): from "path/" up
    /// to "path0" ("0" follows "/"), whatever the database's collation.
    public func filePaths(atOrUnder path: String) throws -> [String] {
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        return try connection.execute(
            "SELECT path FROM files WHERE path = $1 OR (path ~>=~ $2 AND path ~<~ $3)",
            [folder, folder + "/", folder + "0"]
        ).texts(0)
    }

    public func indexedFiles() throws -> [IndexedFile] {
        let rows = try connection.execute("SELECT id, path, plugin FROM files")
        return (0..<rows.count).map {
            IndexedFile(id: rows.int64($0, 0), path: rows.text($0, 1), plugin: rows.text($0, 2))
        }
    }

    public func replaceFile(_ record: FileRecord, root: String, chunks: [StoredChunk]) throws {
        try connection.transaction {
            let rootID = try rootID(for: root)
            try connection.execute(
                "DELETE FROM chunks WHERE file_id = (SELECT id FROM files WHERE path = $1)", [record.path])
            let fileID = try connection.integer(
                """
                INSERT INTO files(root_id, path, size, mtime_ns, content_hash, plugin, plugin_version, indexed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT(path) DO UPDATE SET root_id = excluded.root_id, size = excluded.size,
                    mtime_ns = excluded.mtime_ns, content_hash = excluded.content_hash, plugin = excluded.plugin,
                    plugin_version = excluded.plugin_version, indexed_at = excluded.indexed_at
                RETURNING id
                """,
                [
                    String(rootID), record.path, String(record.size), String(record.modified), record.contentHash,
                    record.plugin, String(record.pluginVersion), String(Int64(Date().timeIntervalSince1970)),
                ])
            let returned = try connection.insert(
                into: "chunks(file_id, ordinal, text, heading_path, first_line, last_line, first_byte, end_byte, "
                    + "page_start, page_end, chunk_hash)",
                rows: chunks.enumerated().map { ordinal, chunk in
                    [
                        String(fileID), String(ordinal), chunk.text,
                        chunk.headingPath.joined(separator: Self.headingSeparator), String(chunk.span.firstLine),
                        String(chunk.span.lastLine), String(chunk.span.bytes.lowerBound),
                        String(chunk.span.bytes.upperBound), chunk.span.pages.map { String($0.lowerBound) },
                        chunk.span.pages.map { String($0.upperBound) }, chunk.hash,
                    ]
                }, returning: "ordinal, id")
            let idOfOrdinal = Dictionary(uniqueKeysWithValues: returned.map { ($0[0], $0[1]) })
            let stored = chunks.enumerated().compactMap { ordinal, chunk in
                idOfOrdinal[Int64(ordinal)].map { ($0, chunk) }
            }
            try connection.insert(
                into: "vectors(chunk_id, embedding)",
                rows: stored.compactMap { id, chunk in chunk.vector.map { [String(id), Self.text($0)] } })
            try connection.insert(
                into: "unembedded_chunks(chunk_id)",
                rows: stored.compactMap { id, chunk in chunk.vector == nil ? [String(id)] : nil })
            try advanceGeneration()
        }
    }

    public func updateStat(ofFileAt path: String, size: Int, modified: Int64) throws {
        try connection.execute(
            "UPDATE files SET size = $1, mtime_ns = $2 WHERE path = $3", [String(size), String(modified), path])
    }

    /// Removes a file; its chunks, vectors and waiting rows go with it (`ON DELETE CASCADE`).
    public func removeFile(at path: String) throws {
        try connection.transaction {
            try connection.execute("DELETE FROM files WHERE path = $1", [path])
            try advanceGeneration()
        }
    }

    /// A vector in pgvector's text form: "[0.5,1,-2]" (each float in its shortest exact form).
    static func text(_ vector: [Float]) -> String {
        "[" + vector.map { "\($0)" }.joined(separator: ",") + "]"
    }
}
