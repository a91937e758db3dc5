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
    @Test("the storage seam's behaviours", arguments: StoreBehaviour.allCases, DatabaseLocation.allCases)
    func behaviour(_ behaviour: StoreBehaviour, location: DatabaseLocation) throws {
        try behaviour.check {
            try IndexStore(path: try TestScratch.file("seam", named: "index.sqlite"), create: true, location: location)
        }
    }
}
