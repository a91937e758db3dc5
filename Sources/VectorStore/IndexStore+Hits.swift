import SemfindCore

/// A stored chunk as a search returns it.
public struct StoredHit: Sendable {
    public let chunkID: Int64
    public let path: String
    public let text: String
    public let headingPath: [String]
    public let span: SourceSpan
}

extension IndexStore {
    /// The chunks with these ids, in the order given (ids no longer stored are left out).
    public func hits(_ chunkIDs: [Int64]) throws -> [StoredHit] {
        let statement = try database.prepare(
            """
            SELECT files.path, chunks.text, chunks.heading_path, chunks.first_line, chunks.last_line,
                chunks.first_byte, chunks.end_byte
            FROM chunks JOIN files ON files.id = chunks.file_id WHERE chunks.id = ?
            """)
        return try chunkIDs.compactMap { id in
            try statement.bind(.integer(id))
            guard try statement.step() else { return nil }
            let heading = statement.text(2)
            let firstLine = max(1, statement.int(3))
            return StoredHit(
                chunkID: id, path: statement.text(0), text: statement.text(1),
                headingPath: heading.isEmpty ? [] : heading.components(separatedBy: Self.headingSeparator),
                span: SourceSpan(
                    firstLine: firstLine, lastLine: max(firstLine, statement.int(4)),
                    bytes: statement.int(5)..<max(statement.int(5), statement.int(6))))
        }
    }
}
