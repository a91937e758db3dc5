import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing

@testable import VectorStore

@Suite("Index store")
struct IndexStoreTests {
    let folder = TestScratch.root.appendingPathComponent("store-\(UUID().uuidString.prefix(8))")
    var path: String { folder.appendingPathComponent("nested/index.sqlite").path }

    func record(_ path: String, hash: String = "h1") -> FileRecord {
        FileRecord(
            path: path, size: 10, modified: 1_000, contentHash: hash, plugin: "text", pluginVersion: 1)
    }

    func chunk(_ text: String, line: Int, vector: [Float]) -> StoredChunk {
        StoredChunk(
            text: text, headingPath: ["Guide", "Logs"],
            span: SourceSpan(firstLine: line, lastLine: line + 1, bytes: 0..<10),
            hash: "hash-\(text)", vector: vector)
    }

    func expectError(mentioning words: [String], _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected an error mentioning \(words)")
        } catch let error as SemfindError {
            for word in words { #expect(error.message.contains(word), "\(error.message) should mention \(word)") }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a new index is created with its folder, in WAL mode, at the current schema")
    func creates() throws {
        let store = try IndexStore(path: path, create: true)
        #expect(try store.database.integer("PRAGMA user_version") == Int64(IndexSchema.migrations.count))
        let mode = try store.database.prepare("PRAGMA journal_mode")
        #expect(try mode.step() && mode.text(0) == "wal")
        expectError(mentioning: ["no index", "semfind index"]) {
            _ = try IndexStore(path: folder.appendingPathComponent("missing.sqlite").path, create: false)
        }
    }

    @Test("an in-memory index is one database for the stores of a process on its path, gone after the last")
    func memoryIndex() throws {
        var first: IndexStore? = try IndexStore(path: path, create: true, location: .memory)
        try first?.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        #expect(try IndexStore(path: path, create: false, location: .memory).meta().modelName == "m")
        #expect(try IndexStore(path: path + "-other", create: true, location: .memory).meta().modelName == nil)
        first = nil
        expectError(mentioning: ["no index", path]) {
            _ = try IndexStore(path: path, create: false, location: .memory)
        }
    }

    @Test("a foreign SQLite database, a non-database file and a newer schema are refused")
    func foreignFiles() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let foreign = folder.appendingPathComponent("foreign.sqlite").path
        try SQLiteDatabase(path: foreign).execute("CREATE TABLE people(name TEXT)")
        expectError(mentioning: [foreign, "not a semfind index"]) { _ = try IndexStore(path: foreign, create: true) }
        let junk = folder.appendingPathComponent("junk.sqlite").path
        try Data((0..<4096).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: junk))
        expectError(mentioning: [junk, "not a semfind index"]) { _ = try IndexStore(path: junk, create: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: junk)).count == 4096, "a refused file is left untouched")
        let newer = folder.appendingPathComponent("newer.sqlite").path
        _ = try IndexStore(path: newer, create: true)
        try SQLiteDatabase(path: newer).execute("PRAGMA user_version = 99")
        expectError(mentioning: ["newer semfind"]) { _ = try IndexStore(path: newer, create: true) }
    }

    @Test(
        "a NUL in a chunk's text round-trips, and a memory index writes no database file",
        arguments: DatabaseLocation.allCases)
    func nulRoundTrip(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        let odd = "before \u{0} after"
        try store.replaceFile(record("/n/a.txt"), root: "/n", chunks: [chunk(odd, line: 1, vector: [0.5])])
        let statement = try store.database.prepare("SELECT text, heading_path FROM chunks")
        #expect(try statement.step())
        #expect(statement.text(0) == odd)
        #expect(statement.text(1) == "Guide\(IndexStore.headingSeparator)Logs")
        #expect(FileManager.default.fileExists(atPath: path) == (location == .file))
    }

    @Test("a second writer lock on the same index fails at once, naming the index and the holder")
    func writerLock() throws {
        var held: WriterLock? = try WriterLock(indexPath: path, wait: false)
        expectError(mentioning: [path, "pid \(getpid())", "--wait"]) {
            _ = try WriterLock(indexPath: path, wait: false)
        }
        var polls = 0
        expectError(mentioning: ["stopped while waiting"]) {
            _ = try WriterLock(indexPath: path, wait: true) {
                polls += 1
                return polls > 2
            }
        }
        #expect(held != nil)
        held = nil
        #expect(throws: Never.self) { _ = try WriterLock(indexPath: path, wait: false) }
    }
}
