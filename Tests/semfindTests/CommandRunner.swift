import Foundation
import TestSupport

/// Runs the built `semfind` binary with arguments, standard input and environment, and
/// captures what it prints, as a user's shell would.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The binary beside the test bundle (SwiftPM builds both into the same products folder).
    static let binary = BuiltBinary.url

    var environment: [String: String] = BuiltBinary.environment
    /// The binary to run (a copy, for example, where another user can reach it).
    var binary: URL = CommandRunner.binary
    /// A program (and its arguments) that runs the binary, e.g. to run it as another user.
    var launcher: [String] = []

    func run(_ arguments: [String], input: Data = Data()) throws -> Result {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Feed and drain concurrently so that neither side blocks on a full pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errors = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors.wait(), as: UTF8.self))
    }

    func run(_ arguments: [String], text: String) throws -> Result {
        try run(arguments, input: Data(text.utf8))
    }
}

/// Reads a pipe to its end on a thread of its own.
///
/// `@unchecked Sendable`: `data` is written once by the reading thread before the semaphore is
/// signalled, and read only after `wait()` returns.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// The `--json` messages a command printed, one a line: each line's `type` and `data` (lines
/// that are not such a message are left out).
func messages(_ stdout: String) -> [(type: String, data: [String: Any])] {
    stdout.split(separator: "\n").compactMap {
        let object = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        guard let type = object?["type"] as? String, let data = object?["data"] as? [String: Any] else {
            return nil
        }
        return (type, data)
    }
}
