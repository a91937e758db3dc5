import IndexStorage
import SemfindCore

extension IndexStore {
    /// The chunks with these ids, in the order given (ids no longer stored are left out).
    public func hits(_ chunkIDs: [Int64]) throws -> [StoredHit] {
        let statement = try database.prepare(
            """
            SELECT files.path, chunks.text, chunks.heading_path, chunks.first_line, chunks.last_line,
                chunks.first_byte, chunks.end_byte, chunks.page_start, chunks.page_end, files.size, files.mtime_ns,
                files.plugin
            FROM chunks JOIN files ON files.id = chunks.file_id WHERE chunks.id = ?
            """)
        return try chunkIDs.compactMap { id in
            try statement.bind(.integer(id))
            guard try statement.step() else { return nil }
            let heading = statement.text(2)
            return StoredHit(
                chunkID: id, path: statement.text(0), text: statement.text(1),
                headingPath: heading.isEmpty ? [] : heading.components(separatedBy: Self.headingSeparator),
                span: statement.span(at: 3), fileSize: statement.int(9), fileModified: statement.int64(10),
                plugin: statement.text(11))
        }
    }

    /// Every indexed file, for filters by folder, glob or format.
    public func indexedFiles() throws -> [IndexedFile] {
        let statement = try database.prepare("SELECT id, path, plugin FROM files")
        var files: [IndexedFile] = []
        while try statement.step() {
            files.append(IndexedFile(id: statement.int64(0), path: statement.text(1), plugin: statement.text(2)))
        }
        return files
    }
}
