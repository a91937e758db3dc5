import IndexStorage
import StorageConformance
import TestSupport
import Testing
import VectorStore

extension IndexStore: StoreUnderTest {}

/// The store test bodies every backend passes (`StoreConformance`), against an index file and
/// an in-memory one.
@Suite("SQLite store: the storage seam")
struct SQLiteConformanceTests {
    func opener(_ location: DatabaseLocation) -> () throws -> IndexStore {
        { try IndexStore(path: try TestScratch.file("seam", named: "index.sqlite"), create: true, location: location) }
    }

    @Test(
        "a file's chunks, vectors and keyword rows are replaced together and removed together",
        arguments: DatabaseLocation.allCases)
    func replaceAndRemove(location: DatabaseLocation) throws { try StoreConformance.replaceAndRemove(opener(location)) }

    @Test(
        "writes inside write { } commit together or not at all; a failed inner write undoes only itself",
        arguments: DatabaseLocation.allCases)
    func composedWrites(location: DatabaseLocation) throws { try StoreConformance.composedWrites(opener(location)) }

    @Test(
        "files at or under a path: the path itself and its folder's contents, not its namesakes",
        arguments: DatabaseLocation.allCases)
    func filesAtOrUnder(location: DatabaseLocation) throws { try StoreConformance.filesAtOrUnder(opener(location)) }

    @Test(
        "hits return texts, heading paths, lines and pages as written, in the order asked",
        arguments: DatabaseLocation.allCases)
    func hitsRoundTrip(location: DatabaseLocation) throws { try StoreConformance.hitsRoundTrip(opener(location)) }

    @Test(
        "keyword search ranks, reads trigrams, counts chunks, and a file filter applies before the limit",
        arguments: DatabaseLocation.allCases)
    func keyword(location: DatabaseLocation) throws { try StoreConformance.keyword(opener(location)) }

    @Test("a heading-path match counts the heading weight times a text match", arguments: DatabaseLocation.allCases)
    func headingWeight(location: DatabaseLocation) throws { try StoreConformance.headingWeight(opener(location)) }

    @Test(
        "a session's recent queries: newest first, at most the count kept, cleared alone",
        arguments: DatabaseLocation.allCases)
    func sessions(location: DatabaseLocation) throws { try StoreConformance.sessions(opener(location)) }

    @Test(
        "chunks wait for their vectors, openings apart; storing ends the wait; ids are never reused",
        arguments: DatabaseLocation.allCases)
    func waitingChunks(location: DatabaseLocation) throws { try StoreConformance.waitingChunks(opener(location)) }

    @Test(
        "an index built with another model is refused; weights are hashed again only on new files",
        arguments: DatabaseLocation.allCases)
    func modelBinding(location: DatabaseLocation) throws { try StoreConformance.modelBinding(opener(location)) }
}
