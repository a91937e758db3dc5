import PostgresStore
import SemfindCore
import Testing

@Suite("PostgreSQL index addresses")
struct PostgresAddressTests {
    @Test("a URI names its schema, semfind when it names none")
    func schema() throws {
        #expect(try PostgresAddress("postgresql://db.example/docs?schema=notes").schema == "notes")
        #expect(try PostgresAddress("postgres://db.example/docs").schema == PostgresAddress.defaultSchema)
        #expect(PostgresAddress.isPostgresURI("postgresql://h/d") && !PostgresAddress.isPostgresURI("/tmp/i.sqlite"))
    }

    @Test("a URI with a password, a schema that needs quoting, or another scheme is refused")
    func refusals() {
        for (uri, words) in [
            ("postgresql://me:hunter2@db/docs", ["must not hold the password", ".pgpass"]),
            ("postgresql://me@db/docs?password=hunter2", ["must not hold the password"]),
            ("postgresql://db/docs?schema=Notes;drop", ["schema=Notes;drop", "lowercase"]),
            ("postgresql://db/docs?schema=1abc", ["schema=1abc"]),
            ("mysql://db/docs", ["not a PostgreSQL URI"]),
        ] {
            do {
                _ = try PostgresAddress(uri)
                Issue.record("\(uri) was accepted")
            } catch let error as SemfindError {
                #expect(error.code == .invalidInput)
                #expect(!error.message.contains("hunter2"), "the password is never repeated")
                for word in words { #expect(error.message.contains(word), "\(error.message) should say \(word)") }
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
