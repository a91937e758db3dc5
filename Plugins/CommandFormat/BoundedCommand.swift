import ChildProcess
import Foundation
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program without a shell, with a wall-clock deadline and a cap on its output: what a
/// declared format's command may cost one file.
///
/// `ChildProcess` does the running: the program gets `input` as standard input and the
/// process's environment, runs in a process group of its own (so a deadline or the cap ends
/// whatever it started too) with the termination signals at their defaults, and inherits no
/// descriptor of semfind's. This type finds the program and says in one line why a run failed.
struct BoundedCommand {
    /// Program and arguments; the program is looked up in `PATH` unless it contains a slash.
    let arguments: [String]
    /// Seconds the program may run before it is killed.
    let timeout: Double
    /// Bytes of standard output past which the program is killed.
    let outputLimit: Int

    /// The program's standard output, read to its end. Once `stopDescriptor` (the run's
    /// `StopRequest` wake descriptor; -1 for none) becomes readable, the program is killed at once.
    ///
    /// - Throws: `SemfindError` `.invalidInput` with one line: the program could not start, timed
    ///   out, wrote more than the cap, was stopped with the run, was killed by a signal, or exited
    ///   with a status other than 0 (then with the first line of its standard error).
    func run(input: [UInt8], stopDescriptor: Int32 = -1) throws -> [UInt8] {
        let program = arguments[0]
        guard let executable = ChildProcess.executablePath(named: program) else {
            throw SemfindError(.invalidInput, "cannot run \(program): No such file or directory")
        }
        let run: ProcessRun
        do {
            run = try ChildProcess.run(
                executable: executable, arguments: Array(arguments.dropFirst()),
                environment: ProcessInfo.processInfo.environment, input: input,
                deadline: .now + .milliseconds(Int64(timeout * 1000)), outputLimit: outputLimit,
                stopDescriptor: stopDescriptor)
        } catch {
            throw SemfindError(.invalidInput, "cannot run \(program): \(error.message)")
        }
        switch run.stoppedFor {
        case .timedOut: throw SemfindError(.invalidInput, "command timed out after \(Self.shown(seconds: timeout))")
        case .outputTooLarge: throw SemfindError(.invalidInput, "output passed \(Self.shown(bytes: outputLimit))")
        case .stopped: throw SemfindError(.invalidInput, "command was stopped: the run is stopping")
        default: break
        }
        switch run.termination.cause {
        case .signaled:
            throw SemfindError(.invalidInput, "command was \(run.termination)")
        case .exited(let code) where code != 0:
            let firstLine = String(decoding: run.errorTail, as: UTF8.self).split(whereSeparator: \.isNewline).first
            let reason = firstLine.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
            throw SemfindError(.invalidInput, "command exited with status \(code)\(reason)")
        case .exited: return run.output
        }
    }

    static func shown(seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    static func shown(bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : bytes % 1024 == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
