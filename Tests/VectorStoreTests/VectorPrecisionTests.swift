import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing

@testable import VectorIndex
@testable import VectorStore

@Suite("Stored vector precision: float32, float16, int8")
struct VectorPrecisionTests {
    let folder = TestScratch.root.appendingPathComponent("precision-\(UUID().uuidString.prefix(8))")
    var path: String { folder.appendingPathComponent("index.sqlite").path }
    let dimension = 48

    func vectors(_ count: Int, seed: UInt64 = 5) -> [[Float]] {
        UnitVectors.make(count, dimension: dimension, seed: seed)
    }

    func dot(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    func newStore(_ location: DatabaseLocation, precision: VectorPrecision?) throws -> IndexStore {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: dimension)
        try store.settlePrecision(precision)
        return store
    }

    func put(_ store: IndexStore, _ name: String, _ vectors: [[Float]]) throws {
        let chunks = vectors.enumerated().map { index, vector in
            StoredChunk(
                text: "\(name) chunk \(index)", headingPath: [],
                span: SourceSpan(firstLine: index + 1, lastLine: index + 1, bytes: 0..<1), hash: "\(name)-\(index)",
                vector: vector)
        }
        try store.replaceFile(
            FileRecord(path: "/r/\(name)", size: 1, modified: 1, contentHash: name, plugin: "text", pluginVersion: 1),
            root: "/r", chunks: chunks)
    }

    func storedBlobSizes(_ store: IndexStore) throws -> Set<Int> {
        let statement = try store.database.prepare("SELECT length(vector) FROM vectors")
        var sizes = Set<Int>()
        while try statement.step() { sizes.insert(statement.int(0)) }
        return sizes
    }

    @Test(
        "a new index stores int8 by default: a quarter of float32's bytes per vector",
        arguments: DatabaseLocation.allCases)
    func int8ByDefault(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location, precision: nil)
        #expect(try store.vectorPrecision() == .int8)
        try put(store, "a", vectors(30))
        #expect(try storedBlobSizes(store) == [dimension + 4])
        #expect(Double(dimension + 4) / Double(4 * dimension) <= 0.30)
        #expect(try store.status().precision == .int8)
    }

    @Test(
        "every precision's snapshot rescores with its stored rows, maps back the same, and is smaller below f32",
        arguments: DatabaseLocation.allCases)
    func snapshotsPerPrecision(location: DatabaseLocation) throws {
        let rows = vectors(40)
        let query = vectors(1, seed: 9)[0]
        var sizes: [VectorPrecision: Int] = [:]
        for precision in VectorPrecision.allCases {
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try newStore(location, precision: precision)
            try put(store, "a", Array(rows[..<25]))
            try put(store, "b", Array(rows[25...]))
            try store.refreshVectorIndex()
            let snapshot = try #require(try store.currentSnapshot())
            #expect(snapshot.precision == precision)
            #expect(snapshot.count == 40)
            let flat = FlatIndex(snapshot: snapshot)
            for row in 0..<40 {
                let stored = snapshot.vector(ofRow: row)
                #expect(abs(flat.exactScore(query, row: row) - dot(stored, query)) < 1e-5)
                #expect(abs(flat.exactScore(query, row: row) - dot(rows[row], query)) < 0.02, "close to float32")
            }
            let best = flat.nearest(query, k: 5, candidates: 40).map(\.row)
            let exact = (0..<40).sorted { dot(rows[$0], query) > dot(rows[$1], query) }.prefix(5)
            #expect(Set(best).intersection(exact).count >= 4, "\(precision): the same nearest rows, nearly")
            sizes[precision] = try FileManager.default.attributesOfItem(atPath: path + ".vectors")[.size] as? Int
        }
        let f32 = try #require(sizes[.f32])
        let f16 = try #require(sizes[.f16])
        let int8 = try #require(sizes[.int8])
        #expect(f16 < f32 && int8 < f16)
    }

    @Test(
        "a lower precision converts the stored vectors in place; a higher one is refused with the way out",
        arguments: DatabaseLocation.allCases)
    func conversion(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = vectors(30)
        let store = try newStore(location, precision: .f32)
        try put(store, "a", rows)
        try store.refreshVectorIndex()
        let before = try store.generation()
        #expect(try store.settlePrecision(.f32) == false, "the same precision: nothing to do")
        #expect(try store.settlePrecision(.f16))
        #expect(try storedBlobSizes(store) == [2 * dimension])
        #expect(try store.settlePrecision(.int8))
        #expect(try storedBlobSizes(store) == [dimension + 4])
        #expect(try store.vectorPrecision() == .int8)
        #expect(try store.generation() != before, "the old snapshot is no longer current")
        #expect(try store.currentSnapshot() == nil)
        let reused = try store.vectors(forChunkHashes: ["a-3"])
        let vector = try #require(reused["a-3"])
        #expect(zip(vector, rows[3]).allSatisfy { abs($0 - $1) < 0.01 }, "reused vectors decode from int8")
        do {
            try store.settlePrecision(.f16)
            Issue.record("going up from int8 must be refused")
        } catch let error as SemfindError {
            #expect(error.message.contains("--rebuild --precision f16"))
        }
        #expect(try FlatIndex(store: store).count == 30)
    }

    @Test(
        "an index written before precisions were recorded reads as float32 and converts down",
        arguments: DatabaseLocation.allCases)
    func legacyIndex(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: dimension)
        try put(store, "a", vectors(10))
        #expect(try store.vectorPrecision() == .f32)
        #expect(try storedBlobSizes(store) == [4 * dimension])
        try store.settlePrecision(nil)
        #expect(try store.vectorPrecision() == .f32, "nothing asked: the index keeps float32")
        try store.settlePrecision(.int8)
        #expect(try storedBlobSizes(store) == [dimension + 4])
    }
}
