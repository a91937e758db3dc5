import IndexStorage
import PostgresStore
import StorageConformance
import Testing

extension PostgresStore: StoreUnderTest {}

/// The store test bodies every backend passes (`StoreConformance`), against a real PostgreSQL
/// server with pgvector, each in an index (schema) of its own.
@Suite("PostgreSQL store: the storage seam")
struct PostgresConformanceTests {
    let open = { try PostgresStore(address: try TestServer.newIndex(), create: true) }

    @Test("a file's chunks, vectors and keyword rows are replaced together and removed together")
    func replaceAndRemove() throws { try StoreConformance.replaceAndRemove(open) }

    @Test("writes inside write { } commit together or not at all; a failed inner write undoes only itself")
    func composedWrites() throws { try StoreConformance.composedWrites(open) }

    @Test("files at or under a path: the path itself and its folder's contents, not its namesakes")
    func filesAtOrUnder() throws { try StoreConformance.filesAtOrUnder(open) }

    @Test("hits return texts, heading paths, lines and pages as written, in the order asked")
    func hitsRoundTrip() throws { try StoreConformance.hitsRoundTrip(open) }

    @Test("keyword search ranks, reads trigrams, counts chunks, and a file filter applies before the limit")
    func keyword() throws { try StoreConformance.keyword(open) }

    @Test("a heading-path match counts the heading weight times a text match")
    func headingWeight() throws { try StoreConformance.headingWeight(open) }

    @Test("a session's recent queries: newest first, at most the count kept, cleared alone")
    func sessions() throws { try StoreConformance.sessions(open) }

    @Test("chunks wait for their vectors, openings apart; storing ends the wait; ids are never reused")
    func waitingChunks() throws { try StoreConformance.waitingChunks(open) }

    @Test("an index built with another model is refused; weights are hashed again only on new files")
    func modelBinding() throws { try StoreConformance.modelBinding(open) }
}
