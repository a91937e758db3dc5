import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import PostgresStore

/// What a person sees when the server cannot be reached, refuses the login, or holds something
/// that is not a semfind index there: one line, with the SQLSTATE in its cause.
@Suite("PostgreSQL store: faults")
struct PostgresFaultTests {
    func failure(_ body: () throws -> Void) -> SemfindError? {
        do {
            try body()
            Issue.record("expected an error")
        } catch let error as SemfindError {
            #expect(!error.message.contains("\n"), "one line: \(error.message)")
            return error
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    @Test("a wrong password is one line naming the user, with no password in it")
    func wrongPassword() throws {
        let uri = try PostgresTestServer.uri.get()
        let folder = PostgresTestServer.folder.appendingPathComponent("wrong-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let passfile = folder.appendingPathComponent("pgpass").path
        try "127.0.0.1:*:*:semfind:not-the-password\n".write(toFile: passfile, atomically: true, encoding: .utf8)
        chmod(passfile, 0o600)
        let wrong = uri.replacingOccurrences(
            of: "passfile=\(PostgresTestServer.folder.path)/pgpass", with: "passfile=\(passfile)")
        let error = failure { _ = try PostgresStore(address: try PostgresAddress(wrong), create: true) }
        #expect(error?.message.contains("password authentication failed for user \"semfind\"") == true)
        #expect(error?.message.contains("not-the-password") == false)
        #expect(error?.message.contains("~/.pgpass") == true)
        #expect((error?.cause as? PostgresError)?.sqlState == PostgresError.connectionFailed)
    }

    @Test("an unreachable server is one line naming where semfind looked")
    func unreachable() throws {
        let address = try PostgresAddress("postgresql://semfind@127.0.0.1:1/semfind?schema=nowhere")
        let error = failure { _ = try PostgresStore(address: address, create: true) }
        #expect(error?.message.contains("cannot connect to \(address)") == true)
        #expect(error?.message.contains("Connection refused") == true)
        #expect((error?.cause as? PostgresError)?.sqlState == PostgresError.connectionFailed)
    }

    @Test("another model or encoder is refused with a new schema as the way out: a shared index refuses --rebuild")
    func otherEncoder() throws {
        let store = try PostgresStore(address: try PostgresTestServer.newIndex(), create: true)
        try store.bindModel(fingerprint: { "small-1" }, signature: "s", name: "small", dimension: 3)
        try store.bindEncoderPrecision("fp32")
        let model = failure {
            try store.bindModel(fingerprint: { "large-1" }, signature: "t", name: "large", dimension: 3)
        }
        let encoder = failure { try store.bindEncoderPrecision("int8") }
        for error in [model, encoder] {
            #expect(error?.message.contains("into a new schema (another schema= in the URI)") == true)
            #expect(error?.message.contains("--rebuild") == false, "\(error?.message ?? "")")
        }
        #expect(model?.message.contains("semfind index --model large") == true)
        #expect(encoder?.message.contains("semfind index --encoder int8") == true)
    }

    @Test("a reader creates nothing; a schema of other tables and one of a newer semfind are refused")
    func missingForeignNewer() throws {
        let address = try PostgresTestServer.newIndex()
        let missing = failure { _ = try PostgresStore(address: address, create: false) }
        #expect(missing?.message.contains("no index at \(address)") == true)
        let store = try PostgresStore(address: address, create: true)
        #expect(try store.chunkCount() == 0, "now it is made")

        let foreign = try PostgresTestServer.newIndex()
        let admin = try PostgresStore(address: try PostgresTestServer.newIndex(), create: true)
        try admin.connection.execute(
            "CREATE SCHEMA \(foreign.schema); CREATE TABLE \(foreign.schema).people(name text)")
        let refused = failure { _ = try PostgresStore(address: foreign, create: true) }
        #expect(refused?.message.contains("is not a semfind index") == true)

        try admin.connection.execute("UPDATE \(address.schema).schema_version SET version = 99")
        let newer = failure { _ = try PostgresStore(address: address, create: true) }
        #expect(newer?.message.contains("newer semfind") == true)
    }
}

extension PostgresFaultTests {
    @Test("without the server's binaries, scripts/pg-server start fails naming the setup command")
    func notInstalled() throws {
        let empty = PostgresTestServer.folder.appendingPathComponent("not-installed-\(UUID().uuidString.prefix(8))")
            .path
        let started = PostgresTestServer.run(
            "/usr/bin/env", "SEMFIND_PGSERVER=\(empty)", PostgresTestServer.script, "start", empty + "/cluster")
        #expect(started.status == 2)
        #expect(started.error.contains("scripts/setup --tests"), "\(started.error)")
        #expect(!FileManager.default.fileExists(atPath: empty + "/cluster"), "nothing is made")
    }
}
