import Foundation
import TestSupport
import Testing

/// What `semfind index` and a search refuse to believe or destroy.
@Suite("Index trust: foreign files, changed snapshots, links out of the folder")
struct IndexTrustTests {
    /// A folder with a note about tomatoes, a runner with the installed model, and an index path.
    struct Setup {
        let folder: URL
        let notes: URL
        let index: String
        var runner = CommandRunner()

        init() throws {
            folder = try TestScratch.folder("sf-trust")
            notes = folder.appendingPathComponent("notes")
            try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
            try Data("# Garden\n\nWater the tomatoes in the morning, before the sun is high.\n".utf8)
                .write(to: notes.appendingPathComponent("garden.md"))
            try Data("# Bread\n\nLet the dough rise overnight in a cool kitchen.\n".utf8)
                .write(to: notes.appendingPathComponent("bread.md"))
            index = folder.appendingPathComponent("index.sqlite").path
            runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
            runner.environment["SEMFIND_INDEX"] = index
            runner.environment["SEMFIND_SESSION"] = "index-trust-test"
        }
    }

    @Test("--rebuild refuses a text file and another program's SQLite database at the index path, and keeps them")
    func rebuildRefusesForeignFiles() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let text = "my only copy of the thesis\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: setup.index))
        let database = setup.folder.appendingPathComponent("app.sqlite").path
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        made.arguments = [
            "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()",
            database,
        ]
        try made.run()
        made.waitUntilExit()
        let before = try Data(contentsOf: URL(fileURLWithPath: database))

        for (path, rebuild) in [(setup.index, false), (setup.index, true), (database, false), (database, true)] {
            let arguments = ["index", setup.notes.path, "--index", path] + (rebuild ? ["--rebuild"] : [])
            let result = try setup.runner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("not a semfind index"), "\(arguments): \(result.stderr)")
        }
        #expect(try String(contentsOfFile: setup.index, encoding: .utf8) == text)
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test(
        "a snapshot whose body changed is not believed: the search warns and reads the database; semfind index repairs it"
    )
    func changedSnapshot() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        try #require(try setup.runner.run(["index", setup.notes.path]).status == 0)
        let query = ["watering plants", "--mode", "semantic", "--json", "--no-server", "-k", "1"]
        let good = try Self.topScore(setup.runner.run(query))

        // Garbage over the rows, the header left valid: what a bad disk or a careless tool leaves.
        let snapshot = setup.index + ".vectors"
        let handle = try #require(FileHandle(forWritingAtPath: snapshot))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 64)
        handle.write(Data(repeating: 0x55, count: Int(size) - 128))
        try handle.close()

        let distrusted = try setup.runner.run(query)
        #expect(distrusted.stdout.contains("changed since semfind wrote it"), "\(distrusted.stdout)")
        #expect(abs(try Self.topScore(distrusted) - good) < 1e-5, "the right passage keeps its score")

        let repair = try setup.runner.run(["index"])
        #expect(repair.status == 0)
        let repaired = try setup.runner.run(query)
        #expect(!repaired.stdout.contains("changed since"), "\(repaired.stdout)")
        #expect(abs(try Self.topScore(repaired) - good) < 1e-5)
    }

    @Test("a link to /proc/self/environ or out of the folder is not indexed; with --follow the outside one is")
    func linksOutOfTheFolder() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let outside = setup.folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("Telescope mirrors need collimation before observing.\n".utf8)
            .write(to: outside.appendingPathComponent("telescope.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: setup.notes.appendingPathComponent("environ").path, withDestinationPath: "/proc/self/environ")
        try FileManager.default.createSymbolicLink(
            atPath: setup.notes.appendingPathComponent("elsewhere").path, withDestinationPath: outside.path)
        var runner = setup.runner
        runner.environment["SEMFIND_SECRET_FOR_TEST"] = "do-not-index-me"

        let first = try runner.run(["index", setup.notes.path, "--verbose"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("link leaves the folder"), "\(first.stderr)")
        let leaked = try runner.run(["SEMFIND_SECRET_FOR_TEST", "--mode", "keyword", "-l", "--no-server"])
        #expect(leaked.status == 1 && leaked.stdout.isEmpty, "\(leaked.stdout)")
        let telescope = try runner.run(["collimation", "--mode", "keyword", "-l", "--no-server"])
        #expect(telescope.status == 1)

        #expect(try runner.run(["index", setup.notes.path, "--follow"]).status == 0)
        let followed = try runner.run(["collimation", "--mode", "keyword", "-l", "--no-server"])
        #expect(followed.stdout == setup.notes.path + "/elsewhere/telescope.txt\n", "\(followed.stdout)")
        #expect(try runner.run(["SEMFIND_SECRET_FOR_TEST", "--mode", "keyword", "--no-server"]).status == 1)
    }

    /// The score of the first result of a `--json` search.
    static func topScore(_ result: CommandRunner.Result) throws -> Double {
        let line = try #require(result.stdoutLines.first { $0.contains(#""type":"result""#) }, "\(result.stdout)")
        let message = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let data = try #require(message["data"] as? [String: Any])
        return try #require(data["score"] as? Double)
    }
}
