import IndexStorage
import PostgresStore
import StorageConformance
import TestSupport
import Testing

extension PostgresStore: StoreUnderTest {}

/// The store test bodies every backend passes (`StoreConformance`), against a real PostgreSQL
/// server with pgvector, each in an index (schema) of its own.
@Suite("PostgreSQL store: the storage seam")
struct PostgresConformanceTests {
    @Test("the storage seam's behaviours", arguments: StoreBehaviour.allCases)
    func behaviour(_ behaviour: StoreBehaviour) throws {
        try behaviour.check { try PostgresStore(address: try PostgresTestServer.newIndex(), create: true) }
    }
}
