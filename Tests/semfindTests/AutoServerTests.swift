import Foundation
import SearchServer
import TestSupport
import Testing

/// The warm server a search starts by itself (`AutoServer`): started once, detached, used by
/// the next search, never when turned off, one per index, gone after its idle period. Every
/// test stops the servers it caused, whatever happens.
@Suite(
    "Warm server started by a search, end to end", .serialized,
    .enabled(if: ServeProcesses.canList, "finding the servers needs /proc"))
struct AutoServerTests {
    typealias Corpus = QueryServerTests.Corpus

    /// The corpus of the warm-server tests, its searches allowed to start servers that stop
    /// after `idleSeconds` without a search.
    static func corpus(idleSeconds: Int = 60) throws -> Corpus {
        var corpus = try Corpus()
        corpus.runner.environment["SEMFIND_AUTO_SERVER"] = nil
        corpus.runner.environment["SEMFIND_AUTO_SERVER_IDLE_EXIT"] = String(idleSeconds)
        return corpus
    }

    static func cleanUp(_ corpus: Corpus) {
        #expect(ServeProcesses.stopAll(of: corpus.index), "a server of \(corpus.index) would not stop")
        try? FileManager.default.removeItem(atPath: corpus.folder)
    }

    @Test("the first search answers by itself and starts a detached server, which answers the next search")
    func firstSearchStartsServer() throws {
        let corpus = try Self.corpus()
        defer { Self.cleanUp(corpus) }
        // Through a shell that also hands the search its output pipe as descriptors 3 and 4: the
        // search's output ends when the search does, not when a server holding a copy would.
        var shell = corpus.runner
        shell.binary = URL(fileURLWithPath: "/bin/sh")
        let started = Date()
        let first = try shell.run(
            ["-c", #""$0" "$@" 3>&1 4>&2"#, CommandRunner.binary.path, "watering plants", "-l", "-k", "1", "--timings"])
        #expect(Date().timeIntervalSince(started) < 30, "the search's output stayed open")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("garden.md\n"), "\(first.stdout)")
        #expect(!first.stderr.contains("(warm server)"))
        #expect(first.stderr.contains("started a warm server for this index's next searches"), "\(first.stderr)")

        let servers = ServeProcesses.of(corpus.index)
        try #require(servers.count == 1, "one server: \(servers)")
        let server = servers[0]
        #expect(ServeProcesses.session(server) == server, "the server leads a session of its own")
        #expect(ServeProcesses.standardStreams(server) == ["/dev/null", "/dev/null", "/dev/null"])

        #expect(eventually(timeout: 60) { FileManager.default.fileExists(atPath: corpus.socket) })
        let second = try corpus.runner.run(["watering plants", "-l", "-k", "1", "--timings"])
        #expect(second.stderr.contains("(warm server)"), "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        #expect(ServeProcesses.of(corpus.index) == [server], "the answered search started no other")
    }

    @Test("--no-server and SEMFIND_AUTO_SERVER=0 start no server")
    func switchedOff() throws {
        let corpus = try Self.corpus()
        defer { Self.cleanUp(corpus) }
        let flagged = try corpus.runner.run(["watering plants", "-l", "--no-server", "--timings"])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(!flagged.stderr.contains("warm server"), "\(flagged.stderr)")

        for value in ["0", "off"] {
            var switched = corpus.runner
            switched.environment["SEMFIND_AUTO_SERVER"] = value
            let search = try switched.run(["watering plants", "-l", "--timings"])
            #expect(search.status == 0, "\(search.stderr)")
            #expect(search.stderr.contains("no warm server started: SEMFIND_AUTO_SERVER turns it off"))
        }
        #expect(ServeProcesses.of(corpus.index).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: corpus.socket))
    }

    @Test("a server started by a search stops after its idle period and removes its socket")
    func idleExitOfStartedServer() throws {
        let corpus = try Self.corpus(idleSeconds: 2)
        defer { Self.cleanUp(corpus) }
        let first = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(first.stderr.contains("started a warm server"), "\(first.stderr)")
        let servers = ServeProcesses.of(corpus.index)
        try #require(servers.count == 1)
        #expect(eventually(timeout: 60) { FileManager.default.fileExists(atPath: corpus.socket) })
        let served = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(served.stderr.contains("(warm server)"), "\(served.stderr)")

        #expect(ServeProcesses.waitUntilGone(servers, seconds: 30), "the server stopped by itself")
        #expect(!FileManager.default.fileExists(atPath: corpus.socket))
    }

    @Test("two searches at once leave one server")
    func racingSearches() throws {
        let corpus = try Self.corpus()
        defer { Self.cleanUp(corpus) }
        let runner = corpus.runner
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                _ = try? runner.run(["watering plants", "-l", "--timings"])
            }
        }
        group.wait()
        let one = eventually(timeout: 60) {
            FileManager.default.fileExists(atPath: corpus.socket) && ServeProcesses.of(corpus.index).count == 1
        }
        #expect(one, "servers: \(ServeProcesses.of(corpus.index))")
        let served = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(served.stderr.contains("(warm server)"), "\(served.stderr)")
    }

    @Test("a socket left by a server that died is replaced by the server a search starts")
    func staleSocket() throws {
        let corpus = try Self.corpus()
        defer { Self.cleanUp(corpus) }
        try UnixSocket.listen(at: corpus.socket).close()  // a socket file nobody listens on
        let first = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(first.status == 0 && first.stderr.contains("started a warm server"), "\(first.stderr)")
        let served = eventually(timeout: 60) {
            (try? corpus.runner.run(["watering plants", "-l", "--timings"]))?.stderr.contains("(warm server)") == true
        }
        #expect(served)
        #expect(ServeProcesses.of(corpus.index).count == 1)
    }

    @Test("a server whose program file was replaced stops at the next search, and the one after starts the new one")
    func replacedProgram() throws {
        var corpus = try Self.corpus()
        defer { Self.cleanUp(corpus) }
        let program = corpus.folder + "/semfind"
        try FileManager.default.copyItem(atPath: CommandRunner.binary.path, toPath: program)
        corpus.runner.binary = URL(fileURLWithPath: program)
        let first = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(first.stderr.contains("started a warm server"), "\(first.stderr)")
        let old = ServeProcesses.of(corpus.index)
        try #require(old.count == 1)
        #expect(eventually(timeout: 60) { FileManager.default.fileExists(atPath: corpus.socket) })

        // An upgrade: a new file renamed over the program.
        try FileManager.default.copyItem(atPath: CommandRunner.binary.path, toPath: program + ".new")
        #expect(rename(program + ".new", program) == 0)
        let next = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(next.status == 0 && !next.stderr.contains("(warm server)"), "\(next.stderr)")
        #expect(ServeProcesses.waitUntilGone(old, seconds: 30), "the old server stopped")
        let started = eventually(timeout: 60) {
            (try? corpus.runner.run(["watering plants", "-l", "--timings"]))?.stderr.contains("(warm server)") == true
        }
        #expect(started, "a new server answers")
        #expect(ServeProcesses.of(corpus.index).allSatisfy { !old.contains($0) })
    }

    @Test("no server is started for an index of another user's")
    func foreignIndex() throws {
        guard SecondUser.isAvailable else { return }
        let corpus = try Self.corpus()
        defer { Self.cleanUp(corpus) }
        #expect(chown(corpus.index, SecondUser.id, SecondUser.id) == 0)
        let search = try corpus.runner.run(["watering plants", "-l", "--timings"])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(
            search.stderr.contains("no warm server started: the index belongs to another user (uid \(SecondUser.id))"),
            "\(search.stderr)")
        #expect(ServeProcesses.of(corpus.index).isEmpty)
    }
}
