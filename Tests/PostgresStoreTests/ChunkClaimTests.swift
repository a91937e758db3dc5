import IndexStorage
import PostgresStore
import StorageConformance
import TestSupport
import Testing

/// Runs that embed one PostgreSQL index at once: each waiting chunk is claimed by one of them,
/// and a claim its run never fulfilled lapses so that another run takes the chunk.
@Suite("PostgreSQL store: claims on waiting chunks")
struct ChunkClaimTests {
    @Test("two connections claim disjoint groups; a lapsed claim is taken again; a stored vector ends it")
    func claims() throws {
        let address = try PostgresTestServer.newIndex()
        let first = try PostgresStore(address: address, create: true)
        try first.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        try first.replaceFile(
            StoreConformance.record("/c/a"), root: "/c",
            chunks: (0..<5).map { StoreConformance.chunk("part \($0)", line: $0 + 1, vector: nil) })
        let second = try PostgresStore(address: address, create: false)
        let mine = try first.claimUnembedded(openings: false, after: 0, limit: 2)
        let theirs = try second.claimUnembedded(openings: false, after: 0, limit: 10)
        #expect(mine.count == 2 && theirs.count == 2, "four chunks after the opening, two each")
        #expect(Set(mine.map(\.id)).isDisjoint(with: theirs.map(\.id)))
        #expect(try second.claimUnembedded(openings: false, after: 0, limit: 10).isEmpty, "all are claimed")

        let dying = try PostgresStore(address: address, create: false)
        dying.claimLapseSeconds = 0
        let lapsing = try dying.claimUnembedded(openings: true, after: 0, limit: 10)
        #expect(lapsing.map(\.text) == ["part 0"])
        #expect(try second.claimUnembedded(openings: true, after: 0, limit: 10).map(\.id) == lapsing.map(\.id))

        try first.storeVectors(mine.map { ($0.id, [1, 0]) })
        #expect(try first.unembeddedCount() == 3, "the stored ones wait no more; claimed ones still wait")
    }
}
