import Foundation
import IndexStorage
import SemfindCore
import VectorIndex

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

extension IndexStore {
    /// The columns `storedChunk` reads, from `chunks` joined to `vectors`.
    static let storedChunkColumns = """
        chunks.text, chunks.heading_path, chunks.first_line, chunks.last_line, chunks.first_byte, chunks.end_byte,
        chunks.page_start, chunks.page_end, chunks.chunk_hash, vectors.vector, chunks.opens_section
        """

    /// The chunk in the current row of a statement that selects `storedChunkColumns`, with its
    /// vector decoded (nil when the chunk waits for one).
    func storedChunk(_ statement: SQLiteStatement, dimension: Int) -> StoredChunk {
        let heading = statement.text(1)
        return StoredChunk(
            text: statement.text(0),
            headingPath: heading.isEmpty ? [] : heading.components(separatedBy: Self.headingSeparator),
            span: statement.span(at: 2), hash: statement.text(8),
            vector: statement.isNull(9) ? nil : VectorCodec.decode(statement.blob(9), dimension: dimension),
            opensSection: statement.int(10) != 0)
    }

    /// Every chunk's text, heading path and vector, in chunk id order (the material
    /// `semfind bench grow` derives synthetic files from).
    public func chunksWithVectors() throws -> [StoredChunk] {
        let statement = try database.prepare(
            "SELECT \(Self.storedChunkColumns) FROM chunks JOIN vectors ON vectors.chunk_id = chunks.id ORDER BY chunks.id"
        )
        let dimension = try vectorDimension()
        var chunks: [StoredChunk] = []
        while try statement.step() {
            var chunk = storedChunk(statement, dimension: dimension)
            if chunk.vector == nil { chunk.vector = [] }
            chunks.append(chunk)
        }
        return chunks
    }

    /// Every file with its root and its chunks in order (each with its vector, nil while it
    /// waits for one), files in the order of their chunk ids: what a copy of the index into
    /// another backend writes, one file at a time, without embedding anything.
    public func forEachStoredFile(_ body: (FileRecord, _ root: String, [StoredChunk]) throws -> Void) throws {
        let files = try database.prepare(
            """
            SELECT files.id, files.path, files.size, files.mtime_ns, files.content_hash, files.plugin,
                files.plugin_version, roots.path
            FROM files JOIN roots ON roots.id = files.root_id
            ORDER BY (SELECT min(chunks.id) FROM chunks WHERE chunks.file_id = files.id), files.id
            """)
        let chunks = try database.prepare(
            """
            SELECT \(Self.storedChunkColumns) FROM chunks LEFT JOIN vectors ON vectors.chunk_id = chunks.id
            WHERE chunks.file_id = ? ORDER BY chunks.ordinal
            """)
        let dimension = try vectorDimension()
        while try files.step() {
            let record = FileRecord(
                path: files.text(1), size: files.int(2), modified: files.int64(3), contentHash: files.text(4),
                plugin: files.text(5), pluginVersion: files.int(6))
            try chunks.bind(.integer(files.int64(0)))
            var stored: [StoredChunk] = []
            while try chunks.step() { stored.append(storedChunk(chunks, dimension: dimension)) }
            try body(record, files.text(7), stored)
        }
    }
}
