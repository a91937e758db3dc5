import ChildProcess
import Foundation
import PostgresStore

/// The PostgreSQL server these tests run against: one per test process, started by
/// `scripts/pg-server` in a scratch folder on first use and stopped when the process exits.
/// Each test gets an index of its own in a new schema of the server's database. Without the
/// server's binaries the tests fail, naming the command that installs them.
public enum PostgresTestServer {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let script = repository.appendingPathComponent("scripts/pg-server").path
    public static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("semfind-pg-\(getpid())")

    /// The server's URI (without a schema), or why it could not start.
    public static let uri: Result<String, ServerError> = {
        let started = run(script, "start", folder.path)
        guard started.status == 0 else {
            return .failure(
                ServerError(
                    "the PostgreSQL test server did not start; install it with scripts/setup --tests (\(started.error))"
                ))
        }
        atexit {
            _ = PostgresTestServer.run(PostgresTestServer.script, "stop", PostgresTestServer.folder.path)
            try? FileManager.default.removeItem(at: PostgresTestServer.folder)
        }
        return .success(started.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }()

    /// A URI for a new, empty index of its own: a fresh schema in the server's database.
    public static func newIndex() throws -> PostgresAddress {
        let schema = "t" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        return try PostgresAddress(try uri.get() + "&schema=\(schema)")
    }

    public struct ServerError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs a program to its end (two minutes at most) and returns its exit status, standard
    /// output and the last line of its errors.
    public static func run(_ program: String, _ arguments: String...) -> (status: Int32, output: String, error: String)
    {
        let deadline = ContinuousClock.now + .seconds(120)
        let run: ProcessRun
        do {
            run = try ChildProcess.run(
                executable: program, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                deadline: deadline, outputLimit: 1 << 16)
        } catch {
            return (-1, "", "\(error)")
        }
        let errors = String(decoding: run.errorTail, as: UTF8.self)
        let lastLine = errors.split(separator: "\n").last.map(String.init) ?? ""
        let status: Int32 = if case .exited(let code) = run.termination.cause { code } else { -1 }
        return (status, String(decoding: run.output, as: UTF8.self), lastLine)
    }
}
