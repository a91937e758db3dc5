import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing

@testable import VectorStore

/// The trigram index (schema 7) holds only the chunks' runs of Chinese and Japanese, which is
/// all a trigram query searches: an older index is migrated, and the triggers keep it as files
/// are replaced and removed.
@Suite("Trigram index of spaceless runs")
struct TrigramRunsTests {
    let folder = TestScratch.root.appendingPathComponent("trigram-\(UUID().uuidString.prefix(8))")
    var path: String { folder.appendingPathComponent("index.sqlite").path }

    func trigramMatches(_ store: IndexStore, _ window: String) throws -> [Int64] {
        try store.keywordSearch("\"\(window)\"", in: .trigrams, limit: 10).map(\.chunkID)
    }

    @Test("an index of schema 6 migrates: Chinese is still found by its windows, English no longer is")
    func migratesOlderIndex() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = try SQLiteDatabase(path: path)
        for migration in IndexSchema.migrations.prefix(6) { try old.execute(migration) }
        try old.execute(
            """
            PRAGMA application_id=\(IndexSchema.applicationID); PRAGMA user_version=6;
            INSERT INTO roots(id, path, added_at) VALUES (1, '/notes', 0);
            INSERT INTO files(id, root_id, path, size, mtime_ns, content_hash, plugin, plugin_version, indexed_at)
                VALUES (1, 1, '/notes/a.txt', 10, 0, 'h', 'text', 1, 0);
            INSERT INTO chunks(id, file_id, ordinal, text, heading_path, first_line, last_line, first_byte, end_byte,
                chunk_hash) VALUES (7, 1, 0, 'rotate the logs', '', 1, 1, 0, 15, 'c'),
                (8, 1, 1, 'see 日志轮转的配置 daily', '', 2, 2, 16, 40, 'd');
            """)
        #expect(try old.integer("SELECT count(*) FROM chunks_trigram WHERE chunks_trigram MATCH '\"ota\"'") == 1)
        let store = try IndexStore(path: path, create: false)
        #expect(try store.database.integer("PRAGMA user_version") == Int64(IndexSchema.migrations.count))
        #expect(try trigramMatches(store, "志轮转") == [8])
        #expect(try trigramMatches(store, "ota").isEmpty, "English is found by the word index alone")
        try store.removeFile(at: "/notes/a.txt")
        #expect(try trigramMatches(store, "志轮转").isEmpty, "a migrated row is deleted with the runs it was given")
    }

    @Test(
        "replacing and removing files keeps the trigram index to the chunks stored",
        arguments: DatabaseLocation.allCases)
    func followsFiles(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        let record = { (path: String) in
            FileRecord(path: path, size: 1, modified: 1, contentHash: path, plugin: "text", pluginVersion: 1)
        }
        let chunk = { (text: String) in
            StoredChunk(
                text: text, headingPath: [], span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<1),
                hash: text, vector: nil)
        }
        try store.replaceFile(record("/r/a"), root: "/r", chunks: [chunk("東京の天気 and Tokyo"), chunk("plain words")])
        try store.replaceFile(record("/r/b"), root: "/r", chunks: [chunk("東京タワー")])
        #expect(try trigramMatches(store, "東京の").count == 1)
        #expect(try trigramMatches(store, "tok").isEmpty)
        try store.replaceFile(record("/r/a"), root: "/r", chunks: [chunk("大阪の天気")])
        #expect(try trigramMatches(store, "東京の").isEmpty, "the replaced chunk's runs are gone")
        #expect(try trigramMatches(store, "大阪の").count == 1)
        try store.removeFile(at: "/r/b")
        #expect(try trigramMatches(store, "東京タ").isEmpty)
        #expect(try store.database.integer("SELECT count(*) FROM chunks_trigram") == 1)
    }
}
