import SemfindCore

/// What a program run to its end (or stopped) left: how it ended, its output, the tail of its
/// standard error, and whether it was stopped for time or output.
public struct ProcessRun: Sendable {
    public let termination: Termination
    /// Its standard output (cut after `outputLimit` bytes when it wrote more).
    public let output: [UInt8]
    /// The last bytes of its standard error.
    public let errorTail: [UInt8]
    /// `.timedOut` or `.outputTooLarge` when it was killed for it; nil when it ended by itself.
    public let stoppedFor: ExchangeEnd?
}

extension ChildProcess {
    /// Runs `executable` with `arguments` and `environment` under `limits`, writes `input` to it
    /// and reads its output to the end. A child still running at `deadline` or past
    /// `outputLimit` bytes of output is killed (with its process group). Throws only when it
    /// cannot start.
    public static func run(
        executable: String, arguments: [String], environment: [String: String], input: [UInt8] = [],
        limits: ProcessLimits = ProcessLimits(), deadline: ContinuousClock.Instant, outputLimit: Int
    ) throws(SystemCallError) -> ProcessRun {
        let child = try ChildProcess(
            executable: executable, arguments: arguments, environment: environment, limits: limits)
        let (end, output) = child.exchange(input, closingInput: true, deadline: deadline, outputLimit: outputLimit)
        let stopped = end == .timedOut || end == .outputTooLarge
        let termination = stopped ? child.kill() : child.finish(deadline: deadline)
        return ProcessRun(
            termination: termination, output: Array(output.prefix(outputLimit)), errorTail: child.errorTail,
            stoppedFor: stopped ? end : nil)
    }
}
