import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing

@testable import VectorStore

/// The chunks' page columns (schema 6): an older index gains them with its rows intact, and a
/// paged chunk's pages come back with its hits.
@Suite("Chunk pages in the index")
struct PageColumnsTests {
    let folder = TestScratch.root.appendingPathComponent("pages-\(UUID().uuidString.prefix(8))")
    var path: String { folder.appendingPathComponent("index.sqlite").path }

    @Test("an index of schema 4 migrates: its chunks keep their lines and have no pages")
    func migratesOlderIndex() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = try SQLiteDatabase(path: path)
        for migration in IndexSchema.migrations.prefix(4) { try old.execute(migration) }
        try old.execute(
            """
            PRAGMA application_id=\(IndexSchema.applicationID); PRAGMA user_version=4;
            INSERT INTO roots(id, path, added_at) VALUES (1, '/notes', 0);
            INSERT INTO files(id, root_id, path, size, mtime_ns, content_hash, plugin, plugin_version, indexed_at)
                VALUES (1, 1, '/notes/a.txt', 10, 0, 'h', 'text', 1, 0);
            INSERT INTO chunks(id, file_id, ordinal, text, heading_path, first_line, last_line, first_byte, end_byte,
                chunk_hash) VALUES (7, 1, 0, 'old words', '', 3, 5, 20, 60, 'c');
            """)
        let store = try IndexStore(path: path, create: false)
        #expect(try store.database.integer("PRAGMA user_version") == Int64(IndexSchema.migrations.count))
        let hit = try #require(try store.hits([7]).first)
        #expect(hit.span == SourceSpan(firstLine: 3, lastLine: 5, bytes: 20..<60))
    }

    @Test(
        "a chunk over a page break is stored and returned with its pages and lines within them",
        arguments: DatabaseLocation.allCases)
    func pagedChunkRoundTrips(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        let span = SourceSpan(firstLine: 30, lastLine: 2, bytes: 0..<0, pages: 3...4)
        try store.replaceFile(
            FileRecord(path: "/docs/r.pdf", size: 10, modified: 1, contentHash: "h", plugin: "pdf", pluginVersion: 1),
            root: "/docs",
            chunks: [StoredChunk(text: "across the break", headingPath: ["R"], span: span, hash: "c", vector: [1, 0])])
        let id = try store.database.integer("SELECT id FROM chunks")
        #expect(try store.hits([id]).first?.span == span)
        #expect(try store.chunksWithVectors().first?.span == span)
    }
}
