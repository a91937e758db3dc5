import ArgumentParser
import Foundation
import QueryEngine
import SemfindCore
import VectorStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `semfind serve --socket`: answers the searches of other `semfind` processes over a Unix
/// socket beside the index (`INDEX.sock`), with the model and the vectors kept warm. A search
/// sends its arguments, folder, session and whether its output is a terminal (`QueryClient`);
/// the server runs the very search the process would have run and sends back its output and
/// exit status.
/// One connection at a time; a search that finds the server busy waits for it.
final class QueryServer {
    let indexPath: String
    private let socket: UnixSocket
    private let engine: SearchEngine

    static func socketPath(forIndex index: String) -> String { index + ".sock" }

    /// Listens beside `indexPath`; a socket left by a server that is gone is replaced, one
    /// that answers is not.
    init(indexPath: String, encoder: SharedEncoder) throws {
        self.indexPath = indexPath
        let path = Self.socketPath(forIndex: indexPath)
        if let running = UnixSocket.connect(to: path, timeoutSeconds: 1) {
            running.close()
            throw SemfindError(.invalidInput, "a server already answers for \(indexPath) (its socket is \(path))")
        }
        unlink(path)
        engine = try SearchService.warmEngine(indexPath: indexPath, encoder: encoder)
        let previous = umask(0o077)  // the socket is the user's alone
        defer { umask(previous) }
        socket = try UnixSocket.listen(at: path)
    }

    var socketPath: String { Self.socketPath(forIndex: indexPath) }

    /// Answers connections until the socket fails, each while holding `answering` (which
    /// `ServeLifetime` takes to end the server between two answers).
    func run(answering: NSLock) {
        signal(SIGPIPE, SIG_IGN)  // a search that gave up must not end the server
        while let connection = socket.accept() {
            defer { connection.close() }
            guard let line = connection.readLine(limit: 1 << 20),
                let request = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            else { continue }
            answering.withLock {
                _ = connection.write(Array(ResultJSON.line(answer(request)).utf8))
            }
        }
    }

    /// The reply to one request: the search's output and status, or a refusal (status -1)
    /// that sends the search back to run by itself.
    private func answer(_ request: [String: Any]) -> [String: Any] {
        let declined: [String: Any] = ["status": -1]
        guard let arguments = request["arguments"] as? [String], let directory = request["directory"] as? String,
            FileManager.default.changeCurrentDirectoryPath(directory),
            let command = try? SearchCommand.parse(arguments), command.location.path == indexPath
        else { return declined }
        let captured = CapturedConsole()
        let status: Int32
        do {
            try engine.reloadIfChanged()
            let terminal = request["terminal"] as? Bool ?? false
            status = try command.perform(
                engine: engine, console: captured.console, colour: terminal && !command.json,
                session: command.noSession ? nil : request["session"] as? String, answeredBy: "warm server")
        } catch let error as SemfindError {
            captured.console.err("semfind: error: \(error.message)\n")
            status = 2
        } catch {
            return declined
        }
        return ["stdout": captured.out, "stderr": captured.err, "status": Int(status)]
    }
}
