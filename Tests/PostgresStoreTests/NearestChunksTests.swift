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
