import IndexStorage
import PostgresStore
import StorageConformance
import TestSupport
import Testing

@Suite("PostgreSQL store: nearest vectors")
struct NearestChunksTests {
    @Test("the nearest chunks by cosine come first with their similarity; waiting chunks are not among them")
    func nearest() throws {
        let store = try PostgresStore(address: try PostgresTestServer.newIndex(), create: true)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 3)
        #expect(try store.dimension() == 3)
        try store.replaceFile(
            StoreConformance.record("/v/a"), root: "/v",
            chunks: [
                StoreConformance.chunk("east", vector: [1, 0, 0]),
                StoreConformance.chunk("north-east", vector: [1, 1, 0]),
                StoreConformance.chunk("up", vector: [0, 0, 2]),
                StoreConformance.chunk("waiting", vector: nil),
            ])
        let nearest = try store.nearestChunks(to: [2, 0.1, 0], limit: 3)
        let texts = try store.hits(nearest.map(\.chunkID)).map(\.text)
        #expect(texts == ["east", "north-east", "up"])
        #expect(abs(nearest[0].similarity - 0.99875) < 1e-4)
        #expect(abs(nearest[2].similarity) < 1e-6)
    }

    @Test("the HNSW index is built after the first rows by a run's end, not an interrupted one; results agree")
    func builtAfterRows() throws {
        let store = try PostgresStore(address: try PostgresTestServer.newIndex(), create: true)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 3)
        let compass = [
            ("east", [Float(1), 0, 0]), ("north", [0, 1, 0]), ("up", [0, 0, 1]), ("north-east", [1, 1, 0]),
        ]
        try store.replaceFile(
            StoreConformance.record("/v/a"), root: "/v",
            chunks: compass.map { StoreConformance.chunk($0.0, vector: $0.1) })
        let exact = try store.nearestChunks(to: [2, 0.5, 0], limit: 4).map(\.chunkID)
        #expect(try store.status().vectorIndex.kind == .flat)
        try store.refreshVectorSearch(retrain: false, mayTrain: false)
        #expect(try store.status().vectorIndex.kind == .flat, "an interrupted run leaves the building to the next")
        try store.refreshVectorSearch(retrain: false, mayTrain: true)
        #expect(try store.status().vectorIndex.kind == .hnsw)
        #expect(try store.nearestChunks(to: [2, 0.5, 0], limit: 4).map(\.chunkID) == exact)
        try store.replaceFile(
            StoreConformance.record("/v/b"), root: "/v", chunks: [StoreConformance.chunk("west", vector: [-1, 0, 0])])
        let west = try store.nearestChunks(to: [-1, 0.1, 0], limit: 1).map(\.chunkID)
        #expect(try store.hits(west).map(\.text) == ["west"], "rows written after the build are in the graph")
        try store.refreshVectorSearch(retrain: true, mayTrain: true)
        #expect(try store.status().vectorIndex.kind == .hnsw)
    }

    @Test("a vector of another dimension is refused with the index named")
    func wrongDimension() throws {
        let store = try PostgresStore(address: try PostgresTestServer.newIndex(), create: true)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 3)
        #expect(throws: (any Error).self) {
            try store.replaceFile(
                StoreConformance.record("/v/a"), root: "/v", chunks: [StoreConformance.chunk("flat", vector: [1, 0])])
        }
        #expect(try store.indexedFiles().isEmpty, "nothing of the refused file stays")
    }
}
