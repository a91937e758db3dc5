import Foundation
import TestSupport
import Testing

/// What the warm server and the searches that ask it trust: only each other, the same user's,
/// and only the index file that is at the index's path now.
@Suite("Warm server trust, end to end")
struct WarmServerTrustTests {
    typealias Corpus = QueryServerTests.Corpus

    /// A listener run as the second user at `socket`: it records what it is sent in `received`
    /// and answers every connection with a fake result.
    static func startForeignListener(at socket: String, received: String) throws -> Process {
        let script = """
            import socket, sys
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.bind(sys.argv[1])
            server.listen(4)
            server.settimeout(60)
            for _ in range(10):  # bounded: it ends by itself, whatever happens to the test
                try:
                    connection, _ = server.accept()
                except OSError:
                    break
                connection.settimeout(2)
                data = b""
                try:
                    data = connection.recv(65536)
                except OSError:
                    pass
                with open(sys.argv[2], "ab") as log:
                    log.write(data)
                try:
                    connection.sendall(b'{"status":0,"stdout":"FAKE RESULT\\\\n","stderr":""}\\n')
                except OSError:
                    pass
                connection.close()
            """
        let listener = try SecondUser.start(["/usr/bin/python3", "-c", script, socket, received])
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: socket), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try #require(FileManager.default.fileExists(atPath: socket), "the second user's listener never bound")
        return listener
    }

    /// A folder the second user may write in (a shared folder), with the corpus's index in it.
    static func sharedCorpus() throws -> Corpus {
        let corpus = try Corpus()
        #expect(chmod(corpus.folder, 0o1777) == 0)
        let received = corpus.folder + "/received"
        #expect(FileManager.default.createFile(atPath: received, contents: nil))
        #expect(chmod(received, 0o666) == 0)
        return corpus
    }

    @Test("a search never talks to a socket another user put beside the index, nor to one another user serves")
    func clientRefusesForeignSocket() throws {
        guard SecondUser.isAvailable else { return }
        let corpus = try Self.sharedCorpus()
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let received = corpus.folder + "/received"
        let listener = try Self.startForeignListener(at: corpus.socket, received: received)
        defer { kill(listener.processIdentifier, SIGKILL) }

        let search = try corpus.runner.run(["watering plants", "-l", "-k", "1"])
        #expect(search.status == 0)
        #expect(search.stdout.hasSuffix("garden.md\n"), "\(search.stdout)")
        #expect(!search.stdout.contains("FAKE"))
        #expect(search.stderr.contains("belongs to another user (uid \(SecondUser.id)); not asked"), "\(search.stderr)")
        #expect(try String(contentsOfFile: received, encoding: .utf8).isEmpty)

        // The socket file made the user's own, but still served by the second user: the peer is checked.
        #expect(chown(corpus.socket, getuid(), getgid()) == 0)
        let again = try corpus.runner.run(["watering plants", "-l", "-k", "1"])
        #expect(again.status == 0 && !again.stdout.contains("FAKE"))
        #expect(again.stderr.contains("belongs to another user (uid \(SecondUser.id))"), "\(again.stderr)")
        #expect(try String(contentsOfFile: received, encoding: .utf8).isEmpty, "nothing was sent to it")
    }

    @Test("the server answers no process of another user, even through a socket opened to all")
    func serverRefusesForeignPeer() throws {
        guard SecondUser.isAvailable else { return }
        let corpus = try Self.sharedCorpus()
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let server = try corpus.startServer()
        defer { server.terminate() }
        #expect(chmod(corpus.socket, 0o777) == 0)
        let reply = corpus.folder + "/received"
        let script = """
            import json, os, socket, sys
            client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            client.connect(sys.argv[1])
            request = {"arguments": ["tomatoes", "--index", sys.argv[3]], "directory": "/"}
            client.settimeout(10)
            try:
                client.sendall((json.dumps(request) + "\\n").encode())
                data = client.recv(65536)
            except (BrokenPipeError, ConnectionResetError):
                data = b""
            open(sys.argv[2], "ab").write(data)
            """
        let status = try SecondUser.run(["/usr/bin/python3", "-c", script, corpus.socket, reply, corpus.index])
        #expect(status == 0, "the second user could connect")
        #expect(try String(contentsOfFile: reply, encoding: .utf8).isEmpty, "the server closed without answering")
        let own = try corpus.runner.run(["tomatoes", "-l", "--timings"])
        #expect(own.stderr.contains("(warm server)"), "the owner is still answered: \(own.stderr)")
    }

    @Test("after semfind index --rebuild, a running server answers from the new index, not the deleted one")
    func serverFollowsRebuild() throws {
        let corpus = try Corpus()
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let server = try corpus.startServer()
        defer { server.terminate() }
        let other = corpus.folder + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try Data("# Comets\n\nA comet's tail always points away from the sun.\n".utf8)
            .write(to: URL(fileURLWithPath: other + "/comets.md"))
        try #require(try corpus.runner.run(["index", "--rebuild", other]).status == 0)

        let found = try corpus.runner.run(["why does a comet have a tail", "-l", "-k", "1", "--timings"])
        #expect(found.stderr.contains("(warm server)"), "\(found.stderr)")
        #expect(found.stdout == other + "/comets.md\n", "only the rebuilt index's file: \(found.stdout)")
    }

    @Test("after semfind index --rebuild, serve --stdio (and mcp, through the same search service) reads the new index")
    func stdioServerFollowsRebuild() throws {
        let corpus = try Corpus()
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let logs = URL(fileURLWithPath: corpus.folder)
        let server = try StdioServer(["serve", "--stdio", "--index", corpus.index], logs: logs)
        defer { server.command.send(SIGTERM) }
        #expect(server.paths(["query": "watering tomatoes", "limit": 1]) == ["garden.md"])
        let other = corpus.folder + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try Data("# Comets\n\nA comet's tail always points away from the sun.\n".utf8)
            .write(to: URL(fileURLWithPath: other + "/comets.md"))
        try #require(try corpus.runner.run(["index", "--rebuild", other]).status == 0)
        #expect(server.paths(["query": "why does a comet have a tail", "limit": 1]) == ["comets.md"])
    }

    @Test("a client that connects and stalls holds up no other search; the server drops it after its deadline")
    func stalledClient() throws {
        let corpus = try Corpus()
        defer { try? FileManager.default.removeItem(atPath: corpus.folder) }
        let server = try corpus.startServer()
        defer { server.terminate() }
        let stalled = try UnixClient(path: corpus.socket)
        #expect(stalled.send([0x7B]))  // "{", and nothing more

        let search = try corpus.runner.run(["watering plants", "-l", "-k", "1", "--timings"])
        #expect(search.stderr.contains("(warm server)"))
        #expect(search.stdout.hasSuffix("garden.md\n"))
        #expect(stalled.isOpen, "answered while the stalled client was still connected")
        #expect(stalled.waitForClose(seconds: 30), "the server dropped the stalled client")
    }
}

/// A raw client of a Unix socket, for a test that misbehaves on purpose.
final class UnixClient {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
    }

    deinit { close(descriptor) }

    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Whether the server still holds the connection (no end of file waiting to be read).
    var isOpen: Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT) | Int32(MSG_PEEK))
        return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }

    /// Waits until the server closes the connection; false if it has not within `seconds`.
    func waitForClose(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !isOpen { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
