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

    @Test(
        "a file's chunks, vectors and keyword rows are replaced together and removed together",
        arguments: DatabaseLocation.allCases)
    func replaceAndRemove(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        try store.replaceFile(
            record("/notes/a.txt"), root: "/notes",
            chunks: [
                chunk("rotate the logs daily", line: 1, vector: [1, 0]),
                chunk("keep archives", line: 4, vector: [0, 1]),
            ])
        #expect(try store.file(at: "/notes/a.txt") == record("/notes/a.txt"))
        #expect(try store.status().chunks == 2)
        #expect(try store.status().vectors == 2)
        #expect(try store.vectors(forChunkHashes: ["hash-keep archives", "absent"]) == ["hash-keep archives": [0, 1]])
        let fts = "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH"
        #expect(try store.database.integer("\(fts) 'rotate'") == 1)

        try store.replaceFile(
            record("/notes/a.txt", hash: "h2"), root: "/notes",
            chunks: [chunk("compress old files", line: 2, vector: [1, 1])])
        #expect(try store.file(at: "/notes/a.txt")?.contentHash == "h2")
        #expect(try store.status().chunks == 1)
        #expect(try store.status().vectors == 1)
        #expect(try store.database.integer("\(fts) 'rotate'") == 0)
        #expect(try store.database.integer("\(fts) 'compress'") == 1)
        #expect(try store.filePaths(underRoot: "/notes") == ["/notes/a.txt"])

        try store.removeFile(at: "/notes/a.txt")
        #expect(try store.file(at: "/notes/a.txt") == nil)
        let status = try store.status()
        #expect(status.files == 0 && status.chunks == 0 && status.vectors == 0)
        #expect(try store.database.integer("\(fts) 'compress'") == 0)
        #expect(status.roots == ["/notes"])
        #expect(FileManager.default.fileExists(atPath: path) == (location == .file), "memory writes no database file")
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

    @Test(
        "an index built with another model is refused with the way to rebuild it", arguments: DatabaseLocation.allCases)
    func modelFingerprint(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "model-a-1" }, signature: "files-a", name: "model-a", dimension: 2)
        try store.bindModel(fingerprint: { "model-a-1" }, signature: "files-a2", name: "model-a", dimension: 2)
        expectError(mentioning: ["model-a", "model-b-2", "semfind index --rebuild"]) {
            try store.bindModel(fingerprint: { "model-b-2" }, signature: "files-b", name: "model-b", dimension: 2)
        }
        #expect(try store.status().modelFingerprint == "model-a-1")
    }

    @Test(
        "the weights are hashed again only when the model files' signature changes",
        arguments: DatabaseLocation.allCases)
    func fingerprintSignature(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        var hashed = 0
        let hash = { () -> String in
            hashed += 1
            return "model-a-1"
        }
        try store.bindModel(fingerprint: hash, signature: "files-a", name: "model-a", dimension: 2)
        try store.bindModel(fingerprint: hash, signature: "files-a", name: "model-a", dimension: 2)
        #expect(hashed == 1)
        try store.bindModel(fingerprint: hash, signature: "files-a-touched", name: "model-a", dimension: 2)
        try store.bindModel(fingerprint: hash, signature: "files-a-touched", name: "model-a", dimension: 2)
        #expect(hashed == 2)
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

    @Test("texts with quotes, NUL and non-ASCII characters round-trip", arguments: DatabaseLocation.allCases)
    func textRoundTrip(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        let odd = "it's \"quoted\" — naïve 日本 \u{0} end"
        try store.replaceFile(record("/n/it's.txt"), root: "/n", chunks: [chunk(odd, line: 1, vector: [0.5])])
        let statement = try store.database.prepare("SELECT text, heading_path FROM chunks")
        #expect(try statement.step())
        #expect(statement.text(0) == odd)
        #expect(statement.text(1) == "Guide\(IndexStore.headingSeparator)Logs")
        #expect(try store.file(at: "/n/it's.txt") != nil)
    }

    @Test(
        "files at or under a path: the path itself and its folder's contents, not its namesakes",
        arguments: DatabaseLocation.allCases)
    func filesAtOrUnder(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        for file in ["/n/a", "/n/a/b.md", "/n/a/c/d.md", "/n/a.md", "/n/a0.md", "/n/ab/e.md"] {
            try store.replaceFile(record(file), root: "/n", chunks: [])
        }
        #expect(Set(try store.filePaths(atOrUnder: "/n/a")) == ["/n/a", "/n/a/b.md", "/n/a/c/d.md"])
        #expect(Set(try store.filePaths(atOrUnder: "/n/a/")) == ["/n/a", "/n/a/b.md", "/n/a/c/d.md"])
        #expect(try store.filePaths(atOrUnder: "/n/a.md") == ["/n/a.md"])
        #expect(try store.filePaths(atOrUnder: "/n/x").isEmpty)
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

extension IndexStoreTests {
    @Test(
        "writes inside write { } commit together or not at all; a failed inner write undoes only itself",
        arguments: DatabaseLocation.allCases)
    func composedWrites(location: DatabaseLocation) throws {
        struct Stop: Error {}
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        #expect(throws: Stop.self) {
            try store.write {
                try store.replaceFile(record("/n/a"), root: "/n", chunks: [chunk("alpha", line: 1, vector: [1, 0])])
                try store.replaceFile(record("/n/b"), root: "/n", chunks: [chunk("beta", line: 1, vector: [0, 1])])
                throw Stop()
            }
        }
        #expect(try store.status().files == 0, "nothing of a failed write stays")
        try store.write {
            try store.replaceFile(record("/n/a"), root: "/n", chunks: [chunk("alpha", line: 1, vector: [1, 0])])
            #expect(throws: Stop.self) {
                try store.write {
                    try store.replaceFile(record("/n/b"), root: "/n", chunks: [chunk("beta", line: 1, vector: [0, 1])])
                    throw Stop()
                }
            }
            try store.setMeta(.chunker, "composed")
        }
        #expect(try store.filePaths(underRoot: "/n") == ["/n/a"])
        #expect(try store.meta().chunkerSignature == "composed")
    }
}
