import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing

@testable import VectorIndex
@testable import VectorStore

/// IVF lists kept in the index: trained past a threshold, joined by new chunks, left by
/// deleted ones, trained again when the corpus doubles or halves.
@Suite("IVF lists in the index")
struct IVFStoreTests {
    let folder = TestScratch.root.appendingPathComponent("ivf-store-\(UUID().uuidString.prefix(8))")
    var path: String { folder.appendingPathComponent("index.sqlite").path }
    static let dimension = 8

    /// Writes files `range` of one chunk each, with random unit vectors.
    func write(_ store: IndexStore, files range: Range<Int>) throws {
        var generator = SeededGenerator(seed: UInt64(range.lowerBound + 1))
        for number in range {
            var vector = (0..<Self.dimension).map { _ in generator.nextGaussian() }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            vector = vector.map { $0 / norm }
            let chunk = StoredChunk(
                text: "note \(number)", headingPath: [], span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<1),
                hash: "chunk-\(number)", vector: vector)
            try store.replaceFile(
                FileRecord(
                    path: "/notes/\(number).txt", size: 1, modified: 1, contentHash: "\(number)", plugin: "text",
                    pluginVersion: 1),
                root: "/notes", chunks: [chunk])
        }
    }

    func newStore(_ location: DatabaseLocation) throws -> IndexStore {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: Self.dimension)
        return store
    }

    func count(_ store: IndexStore, _ sql: String) throws -> Int { Int(try store.database.integer(sql)) }

    @Test(
        "flat below the threshold, IVF at it: every vector filed under one list, figures recorded",
        arguments: DatabaseLocation.allCases)
    func trainsAtThreshold(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location)
        try write(store, files: 0..<79)
        #expect(try store.refreshVectorIndex(threshold: 80) == .keep)
        #expect(try store.vectorIndexInfo().kind == .flat)
        try write(store, files: 79..<80)
        #expect(try store.refreshVectorIndex(threshold: 80) == .train)
        let info = try store.vectorIndexInfo()
        #expect(info.kind == .ivf)
        #expect(info.lists == IVFIndex.listCount(rows: 80) && info.trainedRows == 80)
        #expect((info.probes ?? 0) >= 1 && (info.recall ?? 0) >= 0.95 && info.recallQueries == 80)
        #expect(try count(store, "SELECT count(*) FROM vector_lists") == 80)
        #expect(try count(store, "SELECT count(*) FROM centroids") == info.lists)
        let snapshot = try #require(try store.currentSnapshot(), "training writes the list-ordered snapshot")
        #expect(snapshot.lists?.count == info.lists)
        #expect(try store.status().vectorIndex == info)
    }

    @Test(
        "new chunks join their nearest list without training; deleted ones leave their lists",
        arguments: DatabaseLocation.allCases)
    func writesKeepListsCurrent(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location)
        try write(store, files: 0..<100)
        try store.refreshVectorIndex(threshold: 100)
        let centroids = try #require(try store.listCentroids())
        try write(store, files: 100..<150)
        #expect(try count(store, "SELECT count(*) FROM vector_lists") == 150)
        let joined = try store.database.prepare(
            "SELECT list FROM vector_lists WHERE chunk_id = (SELECT max(chunk_id) FROM vectors)")
        #expect(try joined.step())
        let newest = try store.database.prepare("SELECT vector FROM vectors ORDER BY chunk_id DESC LIMIT 1")
        #expect(try newest.step())
        let expected = IVFIndex.nearestCentroids(
            of: VectorCodec.decode(newest.blob(0), dimension: Self.dimension) ?? [], centroids: centroids,
            dimension: Self.dimension)
        #expect(joined.int(0) == Int(expected[0]), "filed under its nearest centroid")
        #expect(try store.refreshVectorIndex(threshold: 100) == .keep, "150 rows is not twice the 100 trained")
        #expect(try store.listCentroids() == centroids)
        #expect(try store.vectorIndexInfo().trainedRows == 100)

        for number in 0..<40 { try store.removeFile(at: "/notes/\(number).txt") }
        #expect(try count(store, "SELECT count(*) FROM vector_lists") == 110)
        #expect(
            try count(store, "SELECT count(*) FROM vector_lists WHERE chunk_id NOT IN (SELECT chunk_id FROM vectors)")
                == 0)
        let snapshot = try store.currentSnapshot() ?? store.readSnapshot(dimension: Self.dimension)
        #expect(snapshot.count == 110)
        #expect(IVFIndex(snapshot: snapshot)?.listMembers.joined().count == 110)
    }

    @Test(
        "training again when the rows double or halve, when asked, and flat again when small",
        arguments: DatabaseLocation.allCases)
    func retrainRule(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location)
        try write(store, files: 0..<60)
        #expect(try store.refreshVectorIndex(threshold: 50) == .train)
        #expect(try store.refreshVectorIndex(threshold: 50, retrain: true) == .train)
        try write(store, files: 60..<119)
        #expect(try store.refreshVectorIndex(threshold: 50) == .keep)
        try write(store, files: 119..<120)
        #expect(try store.refreshVectorIndex(threshold: 50) == .train)
        #expect(try store.vectorIndexInfo().trainedRows == 120)
        for number in 0..<60 { try store.removeFile(at: "/notes/\(number).txt") }
        #expect(try store.refreshVectorIndex(threshold: 50) == .train, "halved")
        for number in 60..<100 { try store.removeFile(at: "/notes/\(number).txt") }
        #expect(try store.refreshVectorIndex(threshold: 50) == .becomeFlat, "20 rows, under half the threshold")
        #expect(try store.vectorIndexInfo() == VectorIndexInfo(kind: .flat))
        #expect(
            try count(store, "SELECT count(*) FROM vector_lists") + count(store, "SELECT count(*) FROM centroids") == 0)
        #expect(try store.currentSnapshot()?.lists == nil)
    }

    @Test(
        "a stale snapshot: the probed lists' rows are read with their files' opening chunks and sizes",
        arguments: DatabaseLocation.allCases)
    func rowsOfLists(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location)
        try write(store, files: 0..<100)
        try store.refreshVectorIndex(threshold: 100)
        let lists = try #require(try store.storedLists())
        let query = [Float](repeating: 1 / Float(Self.dimension).squareRoot(), count: Self.dimension)
        let probed = lists.nearestLists(query)
        #expect(probed.count == lists.probes)
        let read = try store.rows(ofLists: probed, dimension: Self.dimension)
        let members = try store.database.prepare(
            "SELECT count(*) FROM vector_lists WHERE list IN (\(probed.map(String.init).joined(separator: ",")))")
        #expect(try members.step())
        #expect(read.snapshot.count == members.int(0))
        #expect(Array(read.snapshot.chunkIDs) == Array(read.snapshot.chunkIDs).sorted())
        #expect(read.chunkCounts.values.allSatisfy { $0 == 1 })
    }

    @Test(
        "malformed centroids refuse new chunks with the way out, keep what was indexed, and retrain",
        arguments: DatabaseLocation.allCases)
    func malformedCentroids(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try newStore(location)
        try write(first, files: 0..<60)
        try first.refreshVectorIndex(threshold: 50)
        try first.database.execute("UPDATE centroids SET vector = x'0000' WHERE list = 0")
        let store = try IndexStore(path: path, create: false, location: location)
        do {
            try write(store, files: 60..<61)
            Issue.record("a chunk was filed under malformed centroids")
        } catch let error as SemfindError {
            #expect(error.message.contains("--reindex-vectors"), "\(error.message)")
        }
        #expect(try store.status().vectors == 60, "the failed write left nothing behind")
        #expect(try store.refreshVectorIndex(threshold: 50, retrain: true) == .train)
        try write(store, files: 60..<61)
        #expect(try count(store, "SELECT count(*) FROM vector_lists") == 61)
    }

    @Test(
        "the snapshot streamed from the database equals the one built in memory, flat and IVF, in every precision",
        arguments: DatabaseLocation.allCases)
    func streamedSnapshot(location: DatabaseLocation) throws {
        for precision in VectorPrecision.allCases {
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try newStore(location)
            try store.settlePrecision(precision)
            try write(store, files: 0..<3000)
            for threshold in [100_000, 2000] {
                try store.refreshVectorIndex(threshold: threshold)
                if threshold == 2000 {
                    #expect(try store.vectorIndexInfo().kind == .ivf)
                    try write(store, files: 3000..<3050)
                    try store.database.execute("DELETE FROM vector_lists WHERE chunk_id % 97 = 0")
                }
                try store.writeSnapshotFile(dimension: Self.dimension)
                let streamed = try Data(contentsOf: URL(fileURLWithPath: path + ".vectors"))
                #expect(
                    try count(
                        store,
                        "SELECT count(*) FROM vectors LEFT JOIN vector_lists USING (chunk_id) WHERE list IS NULL AND (SELECT value FROM meta WHERE key = 'index_kind') = 'ivf'"
                    ) == 0, "unlisted rows are filed first")
                try store.readSnapshot(dimension: Self.dimension).write(indexPath: path)
                try store.recordSnapshotStamp()
                let built = try Data(contentsOf: URL(fileURLWithPath: path + ".vectors"))
                #expect(streamed == built, "\(precision), threshold \(threshold)")
                #expect(try store.currentSnapshot()?.precision == precision)
            }
        }
    }

    @Test(
        "training stopped after the lists were committed leaves every list probed, and the next run trains again",
        arguments: DatabaseLocation.allCases)
    func interruptedTraining(location: DatabaseLocation) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try newStore(location)
        try write(store, files: 0..<120)
        #expect(try store.refreshVectorIndex(threshold: 100) == .train)
        let trained = try store.vectorIndexInfo()
        #expect((trained.probes ?? 0) < (trained.lists ?? 0) && trained.recallQueries == 120)
        // What a kill between the lists' commit and the probes' commit leaves:
        try store.database.execute(
            """
            DELETE FROM meta WHERE key = 'ivf_trained_rows';
            UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'ivf_lists') WHERE key = 'ivf_probes';
            UPDATE meta SET value = '0' WHERE key = 'ivf_recall_queries'
            """)
        let interrupted = try store.vectorIndexInfo()
        #expect(interrupted.probes == interrupted.lists, "every list is probed: exact")
        #expect(try store.refreshVectorIndex(threshold: 100) == .train, "the next run trains again")
        #expect(try store.vectorIndexInfo() == trained, "and ends as an uninterrupted run")
    }
}
