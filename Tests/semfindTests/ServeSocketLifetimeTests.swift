import Foundation
import TestSupport
import Testing

/// How long `serve --socket` runs: one server per index, and `--idle-exit`.
@Suite(
    "serve --socket: one per index, idle exit, end to end", .serialized,
    .enabled(if: ServeProcesses.canList, "finding the servers needs /proc"))
struct ServeSocketLifetimeTests {
    typealias Corpus = QueryServerTests.Corpus

    /// Starts `serve --socket` for the corpus's index in the background.
    static func startServer(_ corpus: Corpus, _ options: [String], name: String) throws -> BackgroundCommand {
        try BackgroundCommand(
            ["serve", "--socket", "--index", corpus.index] + options, logs: URL(fileURLWithPath: corpus.folder),
            name: name, environment: corpus.runner.environment)
    }

    static func cleanUp(_ corpus: Corpus) {
        #expect(ServeProcesses.stopAll(of: corpus.index), "a server of \(corpus.index) would not stop")
        try? FileManager.default.removeItem(atPath: corpus.folder)
    }

    @Test("two servers started at once for one index: one listens, the other stops at once")
    func oneServerPerIndex() throws {
        let corpus = try Corpus()
        defer { Self.cleanUp(corpus) }
        let servers = try (0..<2).map { try Self.startServer(corpus, ["--idle-exit", "60"], name: "serve-\($0)") }
        let refused = eventually(timeout: 60) { servers.contains { !$0.process.isRunning } }
        #expect(refused, "one of the two stopped")
        let loser = try #require(servers.first { !$0.process.isRunning })
        #expect(loser.process.terminationStatus == 2)
        #expect(loser.stderr.contains("already answers for \(corpus.index), or is starting"), "\(loser.stderr)")
        #expect(servers.filter { $0.process.isRunning }.count == 1)
        let search = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(search.stderr.contains("(warm server)"), "\(search.stderr)")
    }

    @Test("serve --socket --idle-exit stops once no search came for that long, not while searches come")
    func idleExitOption() throws {
        let corpus = try Corpus()
        defer { Self.cleanUp(corpus) }
        let server = try Self.startServer(corpus, ["--idle-exit", "3"], name: "serve")
        defer { server.wait(timeout: 10) }
        #expect(eventually(timeout: 60) { FileManager.default.fileExists(atPath: corpus.socket) })
        var lastSearch = Date()
        for _ in 0..<4 {
            Thread.sleep(forTimeInterval: 1)
            let search = try corpus.runner.run(["watering plants", "-l", "--timings"])
            lastSearch = Date()
            #expect(search.stderr.contains("(warm server)"), "\(search.stderr)")
        }
        #expect(server.process.isRunning, "searches a second apart keep it running")
        #expect(server.wait(timeout: 30) == 0, "\(server.stderr)")
        #expect(Date().timeIntervalSince(lastSearch) >= 2.5, "it waited for its idle period")
        #expect(server.stderr.contains("no search for 3 s"), "\(server.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.socket))

        let misplaced = try corpus.runner.run(["serve", "--stdio", "--idle-exit", "3"])
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("--idle-exit goes with --socket"), "\(misplaced.stderr)")
    }
}
