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
    /// Every chunk's text, heading path and vector, in chunk id order (the material
    /// `semfind bench grow` derives synthetic files from).
    public func chunksWithVectors() throws -> [StoredChunk] {
        let statement = try database.prepare(
            """
            SELECT chunks.text, chunks.heading_path, chunks.first_line, chunks.last_line, chunks.first_byte,
                chunks.end_byte, chunks.page_start, chunks.page_end, chunks.chunk_hash, vectors.vector
            FROM chunks JOIN vectors ON vectors.chunk_id = chunks.id ORDER BY chunks.id
            """)
        let dimension = try vectorDimension()
        var chunks: [StoredChunk] = []
        while try statement.step() {
            let heading = statement.text(1)
            chunks.append(
                StoredChunk(
                    text: statement.text(0),
                    headingPath: heading.isEmpty ? [] : heading.components(separatedBy: Self.headingSeparator),
                    span: statement.span(at: 2), hash: statement.text(8),
                    vector: VectorCodec.decode(statement.blob(9), dimension: dimension) ?? []))
        }
        return chunks
    }
}
