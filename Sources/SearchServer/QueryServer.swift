import Foundation
import QueryEngine
import ResultOutput
import SemfindCore
import VectorStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `semfind serve --socket`: answers the searches of other `semfind` processes over a Unix
/// socket beside the index (`INDEX.sock`), with the model and the vectors kept warm. A search
/// sends the search it would run (`SocketRequest`: its query and filters, paths made absolute in
/// its own folder, how it prints and for which session); the server runs that very search and
/// sends back its output and exit status (`SocketReply`). The server's own working directory
/// never changes.
///
/// Only this user's processes are answered (the socket is 0600, and each peer's user id is
/// checked). Each connection is read on a thread of its own, with a short deadline, so a client
/// that stalls holds up nobody; the searches themselves run one at a time. When the index is
/// rebuilt (a new file at its path), the next search opens the new one. One server listens per
/// index (`ServerLock`).
///
/// `@unchecked Sendable`: `service` is used only while `answering` is held.
public final class QueryServer: @unchecked Sendable {
    public let indexPath: String
    /// Held while the server lives: no other server listens for the index meanwhile.
    private let lock: ServerLock
    private let program = ProgramFile()
    private let socket: UnixSocket
    private var service: SearchService
    /// How long a client has to send its request once connected.
    static let requestDeadlineSeconds = 2.0
    /// Connections read at once; more wait to be accepted.
    static let concurrentClients = 16

    public static func socketPath(forIndex index: String) -> String { index + ".sock" }

    /// Listens beside `indexPath`, then loads the model and the vectors with a first search
    /// (a search that connects meanwhile waits for them); a socket left by a server that is
    /// gone is replaced, one that answers is not.
    public init(indexPath: String, encoder: SharedEncoder) throws {
        self.indexPath = indexPath
        guard FileManager.default.fileExists(atPath: indexPath) else { throw IndexStore.missing(indexPath) }
        lock = try ServerLock(indexPath: indexPath)
        let path = Self.socketPath(forIndex: indexPath)
        switch UnixSocket.connect(to: path, timeoutSeconds: 1) {
        case .connected(let running):
            running.close()
            throw SemfindError(.invalidInput, "a server already answers for \(indexPath) (its socket is \(path))")
        case .foreign(let owner):
            throw SemfindError(
                .invalidInput, "\(path) belongs to another user (uid \(owner)); remove it or use another --index path")
        case .none: break
        }
        unlink(path)
        socket = try Self.listenPrivately(at: path)
        service = SearchService(indexPath: indexPath, encoder: encoder, session: nil)
        do {
            try service.warmUp()
        } catch {
            unlink(path)
            socket.close()
            throw error
        }
    }

    public var socketPath: String { Self.socketPath(forIndex: indexPath) }

    /// A socket at `path` that only its owner may connect to (made 0600).
    private static func listenPrivately(at path: String) throws -> UnixSocket {
        let previous = umask(0o077)
        defer { umask(previous) }
        return try UnixSocket.listen(at: path)
    }

    /// Answers connections until the socket fails or semfind's program file is replaced (the
    /// search that connected then answers by itself, with the new program), each while holding
    /// `answering` (which `ServeLifetime` takes to end the server between two answers). `heard`
    /// is called when a client of this user's connects and once it is answered (`IdleExit`).
    public func run(answering: NSLock, heard: @escaping @Sendable () -> Void) {
        signal(SIGPIPE, SIG_IGN)  // a search that gave up must not end the server
        let slots = DispatchSemaphore(value: Self.concurrentClients)
        while let connection = socket.accept() {
            guard connection.peerUserID() == geteuid() else {
                connection.close()
                continue
            }
            guard !program.isReplaced else {
                connection.close()
                let note = "semfind: the semfind program was replaced; the server stops\n"
                FileHandle.standardError.write(Data(note.utf8))
                return
            }
            heard()
            slots.wait()
            Thread.detachNewThread { [self] in
                defer {
                    connection.close()
                    slots.signal()
                    heard()
                }
                guard let line = connection.readLine(limit: 1 << 20, deadlineSeconds: Self.requestDeadlineSeconds)
                else { return }
                let request = try? JSONLine.decode(SocketRequest.self, from: line)
                answering.withLock {
                    _ = connection.write(Array(JSONLine.encode(answer(request)).utf8))
                }
            }
        }
    }

    /// The reply to one request: the search's output and status, or a refusal that sends the
    /// search back to run by itself.
    private func answer(_ request: SocketRequest?) -> SocketReply {
        guard let request, request.index == indexPath else { return .declined }
        let captured = CapturedConsole()
        let status: Int32
        do {
            status = try request.search.perform(
                engine: try service.currentEngine(), console: captured.console, answeredBy: "warm server")
        } catch let error as SemfindError {
            captured.console.err("semfind: error: \(error.message)\n")
            status = 2
        } catch {
            return .declined
        }
        return SocketReply(stdout: captured.out, stderr: captured.err, status: status)
    }
}
