import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing

@testable import VectorIndex
@testable import VectorStore

@Suite("Vector snapshot and keyword search")
struct VectorSnapshotTests {
    let folder = TestScratch.root.appendingPathComponent("snapshot-\(UUID().uuidString.prefix(8))")
    var path: String { folder.appendingPathComponent("index.sqlite").path }

    func store(_ location: DatabaseLocation, files: [(String, [[Float]], [String])]) throws -> IndexStore {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        for (name, vectors, texts) in files {
            try put(store, name, vectors, texts)
        }
        return store
    }

    func put(_ store: IndexStore, _ name: String, _ vectors: [[Float]], _ texts: [String]) throws {
        let chunks = zip(vectors, texts).enumerated().map { index, pair in
            StoredChunk(
                text: pair.1, headingPath: [],
                span: SourceSpan(firstLine: index + 1, lastLine: index + 1, bytes: 0..<1),
                hash: "\(name)-\(index)-\(pair.1)", vector: pair.0)
        }
        try store.replaceFile(
            FileRecord(path: "/r/\(name)", size: 1, modified: 1, contentHash: name, plugin: "text", pluginVersion: 1),
            root: "/r", chunks: chunks)
    }

    @Test(
        "the snapshot holds the database's vectors, is used while current and ignored once stale",
        arguments: DatabaseLocation.allCases)
    func currentOrIgnored(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(
            location, files: [("a", [[1, 0], [0, 1]], ["alpha", "beta"]), ("b", [[0.6, 0.8]], ["gamma"])])
        let fromDatabase = try FlatIndex(store: store)
        #expect(fromDatabase.count == 3)
        #expect(!FileManager.default.fileExists(atPath: path + ".vectors"), "a query never writes the snapshot")
        _ = try store.refreshVectorIndex()
        let generation = try store.generation()
        let mapped = try #require(VectorSnapshot.mapped(indexPath: path, generation: generation, dimension: 2))
        #expect(Array(mapped.chunkIDs) == Array(fromDatabase.snapshot.chunkIDs))
        #expect(Array(mapped.fileIDs) == Array(fromDatabase.snapshot.fileIDs))
        #expect(mapped.precision == .f32, "an index that never settled its precision stores float32")
        #expect((0..<3).flatMap { mapped.vector(ofRow: $0) } == [1, 0, 0, 1, 0.6, 0.8])
        let query: [Float] = [0.6, 0.8]
        let rough = fromDatabase.approximateScores(query)
        for row in 0..<3 {
            #expect(abs(rough[row] - fromDatabase.exactScore(query, row: row)) < 0.01, "int8 is close to exact")
        }
        #expect(fromDatabase.exactScore(query, row: 2) == 1)
        let best = fromDatabase.best(rough, limit: 2)
        #expect(best.map(\.row) == [2, 1])

        try put(store, "c", [[1, 0]], ["delta"])
        #expect(try store.generation() != generation)
        #expect(VectorSnapshot.mapped(indexPath: path, generation: try store.generation(), dimension: 2) == nil)
        #expect(try FlatIndex(store: store).count == 4, "a stale snapshot is not used")
        try IndexStore.remove(path: path)
        #expect(!FileManager.default.fileExists(atPath: path + ".vectors"))
    }

    @Test(
        "the chunk count comes from a current snapshot and from the rows otherwise, and is the same",
        arguments: DatabaseLocation.allCases)
    func chunkCount(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(
            location, files: [("a", [[1, 0], [0, 1]], ["alpha", "beta"]), ("b", [[0.6, 0.8]], ["gamma"])])
        #expect(try store.chunkCount() == 3, "no snapshot yet: counted")
        _ = try store.refreshVectorIndex()
        #expect(try store.chunkCount() == 3, "from the snapshot's header")
        try put(store, "a", [[1, 0]], ["alpha"])
        try put(store, "c", [[0, 1], [1, 0]], ["delta", "epsilon"])
        #expect(try store.chunkCount() == 4, "the snapshot is stale: counted again")
        try store.removeFile(at: "/r/b")
        _ = try store.refreshVectorIndex()
        #expect(try store.chunkCount() == 3)
    }
}
