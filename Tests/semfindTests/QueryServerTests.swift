import Foundation
import TestSupport
import Testing

/// `semfind serve --socket` and the searches it answers for other processes.
@Suite("Warm query server, end to end")
struct QueryServerTests {
    /// A temporary folder with two notes indexed, and a runner pointed at its index.
    struct Corpus {
        let folder: String
        /// The index, at `relativeIndex` in `folder`.
        let index: String
        var runner = CommandRunner()
        var socket: String { index + ".sock" }

        init(index relativeIndex: String = "index.sqlite") throws {
            folder = TestScratch.root.path + "/sf-socket-\(UUID().uuidString.prefix(8))"
            index = folder + "/" + relativeIndex
            try FileManager.default.createDirectory(atPath: folder + "/notes", withIntermediateDirectories: true)
            try Data("# Garden\n\nWater the tomatoes in the morning, before the sun is high.\n".utf8)
                .write(to: URL(fileURLWithPath: folder + "/notes/garden.md"))
            try Data("# Bread\n\nLet the dough rise overnight in a cool kitchen.\n".utf8)
                .write(to: URL(fileURLWithPath: folder + "/notes/bread.md"))
            runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
            runner.environment["SEMFIND_INDEX"] = index
            runner.environment["SEMFIND_SESSION"] = "query-server-test"
            try #require(try runner.run(["index", folder + "/notes"]).status == 0)
        }

        /// Starts `serve --socket` and waits (up to a minute) until its socket answers.
        func startServer() throws -> Process {
            let server = Process()
            server.executableURL = CommandRunner.binary
            server.arguments = ["serve", "--socket"]
            server.environment = runner.environment
            server.standardError = FileHandle.nullDevice
            try server.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let probe = try runner.run(["search", "tomatoes", "--timings", "-k", "1"])
                if probe.stderr.contains("(warm server)") { return server }
                Thread.sleep(forTimeInterval: 0.2)
            }
            server.terminate()
            Issue.record("the server never answered at \(socket)")
            return server
        }

        func results(_ output: String) -> [String] {
            output.split(separator: "\n").filter { $0.contains(#""type":"result""#) }.map(String.init)
        }
    }

    @Test("a search answered by the server prints what the search would print by itself")
    func sameOutput() throws {
        let corpus = try Corpus()
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let server = try corpus.startServer()
        defer { server.terminate() }

        for arguments in [
            ["watering plants", "--json"], ["rising dough"], ["kitchen", "--vimgrep"], ["bread", "-l"],
        ] {
            let served = try corpus.runner.run(arguments + ["--no-session", "--timings"])
            let alone = try corpus.runner.run(arguments + ["--no-session", "--no-server"])
            #expect(served.stderr.contains("(warm server)"), "\(arguments): \(served.stderr)")
            #expect(served.status == alone.status)
            if arguments.contains("--json") {
                #expect(corpus.results(served.stdout) == corpus.results(alone.stdout))
                #expect(!corpus.results(served.stdout).isEmpty)
            } else {
                #expect(served.stdout == alone.stdout, "\(arguments)")
            }
        }
        let empty = try corpus.runner.run(["  "])
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("semfind: error: the query is empty"))
        let nothing = try corpus.runner.run(["qqqzzzxxx", "--mode", "keyword"])
        #expect(nothing.status == 1)
    }

    @Test("the server sees files indexed after it started; a second server is refused; SIGTERM removes the socket")
    func lifecycle() throws {
        let corpus = try Corpus()
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let server = try corpus.startServer()

        let second = try corpus.runner.run(["serve", "--socket"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already answers"), "\(second.stderr)")

        try Data("# Telescope\n\nCollimate the mirrors of the telescope before observing Jupiter.\n".utf8)
            .write(to: URL(fileURLWithPath: corpus.folder + "/notes/telescope.md"))
        try #require(try corpus.runner.run(["index"]).status == 0)
        let found = try corpus.runner.run(["aligning telescope optics", "-l", "-k", "1", "--timings"])
        #expect(found.stderr.contains("(warm server)"))
        #expect(found.stdout.hasSuffix("telescope.md\n"), "\(found.stdout)")

        server.terminate()
        server.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: corpus.socket))
        let alone = try corpus.runner.run(["aligning telescope optics", "-l", "-k", "1", "--timings"])
        #expect(alone.status == 0)
        #expect(!alone.stderr.contains("(warm server)"))
    }
}
