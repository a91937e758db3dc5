import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `semfind` binary running in the background (a watcher, or an index run to
/// interrupt), its output going to files that a test can read while it runs.
final class BackgroundCommand {
    let process = Process()
    let stdoutFile: URL
    let stderrFile: URL

    /// Runs `arguments` in `environment`; standard input is `input` when given (for requests),
    /// else empty.
    init(
        _ arguments: [String], logs folder: URL, name: String, input: Pipe? = nil,
        environment: [String: String] = BuiltBinary.environment
    ) throws {
        stdoutFile = folder.appendingPathComponent("\(name).stdout")
        stderrFile = folder.appendingPathComponent("\(name).stderr")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.environment = environment
        process.standardInput = input ?? FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { process.processIdentifier }

    var stdout: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// The JSON Lines messages printed so far.
    var messages: [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func hasPrinted(type: String) -> Bool {
        messages.contains { $0["type"] as? String == type }
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end (sending SIGKILL after `timeout` seconds); its status.
    @discardableResult
    func wait(timeout: Double = 120) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { send(SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Polls `condition` until it holds or `timeout` seconds pass; whether it came to hold.
/// For waiting on a watcher: a generous timeout, never a timing assertion.
func eventually(timeout: Double = 90, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
        if try condition() { return true }
        usleep(200_000)
    } while Date() < deadline
    return try condition()
}
