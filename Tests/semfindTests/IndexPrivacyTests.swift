import Foundation
import TestSupport
import Testing

/// An index holds the text of what it indexed: only its owner may read it.
@Suite("Index privacy, end to end")
struct IndexPrivacyTests {
    @Test("a new index's folders are 0700 and its database, log, snapshot, lock and socket are the owner's alone")
    func modes() throws {
        let corpus = try QueryServerTests.Corpus(index: "data/deeper/index.sqlite")
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let server = try corpus.startServer()
        defer { server.terminate() }
        #expect(Self.mode(corpus.folder + "/data") == 0o700)
        #expect(Self.mode(corpus.folder + "/data/deeper") == 0o700)
        // While the server has the database open, SQLite keeps its log and shared memory beside it.
        for suffix in ["", "-wal", "-shm", ".vectors", ".lock", ".sock"] {
            let mode = try #require(Self.mode(corpus.index + suffix), "\(suffix) is missing")
            #expect(mode & 0o077 == 0, "index\(suffix) has mode \(String(mode, radix: 8))")
        }
    }

    @Test("a second user cannot read the text of the owner's private notes from the index")
    func secondUserCannotRead() throws {
        guard SecondUser.isAvailable else { return }
        let folder = try TestScratch.folder("sf-private")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder everyone may enter, as a home or project folder often is.
        #expect(chmod(folder.path, 0o755) == 0)
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let secret = notes.appendingPathComponent("vault.md")
        try Data("# Vault\n\nThe vault code is 4711.\n".utf8).write(to: secret)
        #expect(chmod(secret.path, 0o600) == 0)
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        let index = folder.appendingPathComponent("index.sqlite").path
        try #require(try runner.run(["index", notes.path, "--index", index]).status == 0)
        #expect(try SecondUser.run(["/bin/cat", index]) != 0)
        #expect(try SecondUser.run(["/bin/cat", index + ".vectors"]) != 0)
        #expect(try SecondUser.run(["/bin/cat", secret.path]) != 0, "the note itself is private too")
    }

    /// The permission bits of `path`, or nil when it is missing.
    static func mode(_ path: String) -> mode_t? {
        var record = stat()
        guard lstat(path, &record) == 0 else { return nil }
        return record.st_mode & 0o777
    }
}
