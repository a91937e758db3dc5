import Foundation
import SemfindCore
import Testing

@testable import VectorIndex
@testable import VectorStore

/// A snapshot patched from the previous one (rows still in the index copied from its file, new
/// rows read from the database) must be the very file a full rewrite makes.
extension IVFStoreTests {
    /// The snapshot's bytes after `writeSnapshotFile`, and how it was written.
    func writtenSnapshot(_ store: IndexStore) throws -> (write: SnapshotWrite, bytes: Data) {
        let write = try store.writeSnapshotFile(dimension: Self.dimension)
        return (write, try Data(contentsOf: URL(fileURLWithPath: path + ".vectors")))
    }

    /// The snapshot written again from the database alone.
    func rewrittenSnapshot(_ store: IndexStore) throws -> Data {
        try FileManager.default.removeItem(atPath: path + ".vectors")
        let (write, bytes) = try writtenSnapshot(store)
        #expect(write == .rewritten(rows: try count(store, "SELECT count(*) FROM vectors")))
        return bytes
    }

    @Test(
        "a snapshot patched after adds, removals and an edit of the newest file equals a rewrite, flat and IVF, in every precision",
        arguments: DatabaseLocation.allCases)
    func patchedSnapshot(location: DatabaseLocation) throws {
        for precision in VectorPrecision.allCases {
            for threshold in [100_000, 200] {
                defer { try? FileManager.default.removeItem(at: folder) }
                let store = try newStore(location)
                try store.settlePrecision(precision)
                try write(store, files: 0..<300)
                try store.refreshVectorIndex(threshold: threshold)
                #expect(try store.vectorIndexInfo().kind == (threshold == 200 ? .ivf : .flat))
                let newest = try count(store, "SELECT max(id) FROM chunks")
                try store.removeFile(at: "/notes/5.txt")
                try store.removeFile(at: "/notes/299.txt")
                try write(store, files: 300..<310)
                try write(store, files: 7..<8)
                #expect(
                    try count(store, "SELECT count(*) FROM chunks WHERE id = \(newest)") == 0,
                    "ids are not given out again")
                let patched = try writtenSnapshot(store)
                #expect(patched.write == .patched(kept: 297, added: 11, removed: 3), "\(precision), \(threshold)")
                #expect(patched.bytes == (try rewrittenSnapshot(store)), "\(precision), threshold \(threshold)")
                #expect(try store.currentSnapshot()?.count == 308)
            }
        }
    }

    @Test(
        "a snapshot from before chunk ids were recorded is not patched: a deleted newest id given out again is read anew",
        arguments: DatabaseLocation.allCases)
    func unrecordedIDs(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location)
        try write(store, files: 0..<50)
        try store.writeSnapshotFile(dimension: Self.dimension)
        try store.database.execute("DELETE FROM meta WHERE key = '\(IndexMeta.Key.nextChunkID.rawValue)'")
        let handle = try #require(FileHandle(forWritingAtPath: path + ".vectors"))
        try handle.seek(toOffset: 48)
        handle.write(Data(count: 8))
        try handle.close()
        let newest = try count(store, "SELECT max(id) FROM chunks")
        try store.removeFile(at: "/notes/49.txt")
        try write(store, files: 50..<51)
        #expect(try count(store, "SELECT max(id) FROM chunks") == newest, "SQLite gave the deleted id out again")
        let written = try writtenSnapshot(store)
        #expect(written.write == .rewritten(rows: 50))
        #expect(written.bytes == (try rewrittenSnapshot(store)))
        let snapshot = try #require(try store.currentSnapshot())
        let row = try #require(snapshot.row(of: Int64(newest)))
        let stored = try store.database.prepare("SELECT vector FROM vectors WHERE chunk_id = \(newest)")
        #expect(try stored.step())
        #expect(snapshot.vector(ofRow: row) == VectorCodec.decode(stored.blob(0), dimension: Self.dimension))
    }

    @Test(
        "a snapshot left by another index, whose chunk ids are the same, is not patched from",
        arguments: DatabaseLocation.allCases)
    func foreignSnapshot(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let otherStore = try IndexStore(path: other, create: true, location: location)
        try otherStore.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: Self.dimension)
        try write(otherStore, files: 1000..<1050)
        try otherStore.writeSnapshotFile(dimension: Self.dimension)
        let store = try newStore(location)
        try write(store, files: 0..<50)
        try FileManager.default.copyItem(atPath: other + ".vectors", toPath: path + ".vectors")
        let written = try writtenSnapshot(store)
        #expect(written.write == .rewritten(rows: 50))
        #expect(written.bytes == (try rewrittenSnapshot(store)))
    }

    @Test("a retrained index is written again, not patched", arguments: DatabaseLocation.allCases)
    func retrainedNotPatched(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location)
        try write(store, files: 0..<120)
        #expect(try store.refreshVectorIndex(threshold: 100) == .train)
        try write(store, files: 120..<130)
        #expect(try store.refreshVectorIndex(threshold: 100, retrain: true) == .train)
        let snapshot = try #require(try store.currentSnapshot())
        #expect(snapshot.count == 130)
        #expect(snapshot.lists?.centroids.elementsEqual(try store.listCentroids() ?? []) == true)
    }
}
