import CSQLite
import Foundation
import SemfindCore
import TestSupport
import Testing
import VectorIndex

@testable import VectorStore

@Suite("SQLite layer: typed errors, cached statements, typed meta")
struct SQLiteDatabaseTests {
    let folder = TestScratch.root.appendingPathComponent("sqlite-\(UUID().uuidString.prefix(8))")
    var path: String { folder.appendingPathComponent("index.sqlite").path }

    func sqliteError(_ body: () throws -> Void) -> SQLiteError? {
        do {
            try body()
        } catch let error as SemfindError {
            return error.cause as? SQLiteError
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test(
        "a failed statement's error carries SQLite's extended result code and the statement",
        arguments: DatabaseLocation.allCases)
    func typedError(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.database.execute("INSERT INTO roots(path, added_at) VALUES ('/r', 1)")
        let duplicate = "INSERT INTO roots(path, added_at) VALUES ('/r', 2)"
        let failure = try #require(sqliteError { try store.database.prepare(duplicate).run() })
        #expect(failure.extendedCode == SQLITE_CONSTRAINT | (8 << 8), "SQLITE_CONSTRAINT_UNIQUE")
        #expect(failure.resultCode == SQLITE_CONSTRAINT)
        #expect(failure.sql == duplicate)
        let unknown = try #require(sqliteError { _ = try store.database.prepare("SELECT missing FROM nowhere") })
        #expect(unknown.resultCode == SQLITE_ERROR)
        #expect(unknown.message.contains("nowhere"))
    }

    @Test("a cached statement is prepared once, and the end of a transaction releases a read left on a row")
    func cachedStatements() throws {
        let reader = try IndexStore(path: path, create: true)
        let sql = "SELECT key, value FROM meta"
        #expect(try reader.database.cachedStatement(sql) === reader.database.cachedStatement(sql))
        let leftOnRow = try reader.database.readTransaction {
            try reader.database.cachedStatement("SELECT key FROM meta").step()
        }
        #expect(leftOnRow)
        try IndexStore(path: path, create: false).setMeta(.chunker, "new")
        #expect(try reader.meta().chunkerSignature == "new", "the reader sees the other connection's commit")
    }

    @Test(
        "meta is read in one query into typed figures; keys semfind does not know are left out",
        arguments: DatabaseLocation.allCases)
    func typedMeta(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "model", dimension: 48)
        try store.setMeta(.relevanceFloor, "0.25")
        try store.setMeta(.relevanceFloorVectors, "1000")
        try store.database.execute("INSERT INTO meta(key, value) VALUES ('someone_elses', 'x')")
        let meta = try store.meta()
        #expect(meta.modelName == "model")
        #expect(meta.modelFingerprint == "m-1")
        #expect(meta.dimension == 48)
        #expect(meta.vectorIndex == VectorIndexInfo(kind: .flat))
        #expect(meta.relevanceFloor?.similarity == 0.25)
        #expect(meta.relevanceFloor?.vectors == 1000)
        #expect(meta.generation != 0, "a new index starts at a random generation")
        #expect(meta.nextChunkID == 0, "nothing given out yet")
    }
}
