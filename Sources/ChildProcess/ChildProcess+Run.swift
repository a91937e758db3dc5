import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a program run to its end (or stopped) left: how it ended, its output, the tail of its
/// standard error, and whether it was stopped for time, for output or because the caller stopped.
public struct ProcessRun: Sendable {
    public let termination: Termination
    /// Its standard output (cut after `outputLimit` bytes when it wrote more).
    public let output: [UInt8]
    /// The last bytes of its standard error.
    public let errorTail: [UInt8]
    /// `.timedOut`, `.outputTooLarge` or `.stopped` when it was killed for it; nil when it ended
    /// by itself.
    public let stoppedFor: ExchangeEnd?
}

extension ChildProcess {
    /// Runs `executable` with `arguments` and `environment` under `limits`, writes `input` to it
    /// and reads its output to the end. A child still running at `deadline` or past
    /// `outputLimit` bytes of output is killed (with its process group), and so is one still
    /// running when `stopDescriptor` (a `StopRequest`'s wake descriptor; -1 for none) becomes
    /// readable: a stop (Ctrl-C) ends it at once instead of at its deadline. Throws only when it
    /// cannot start.
    public static func run(
        executable: String, arguments: [String], environment: [String: String], input: [UInt8] = [],
        limits: ProcessLimits = ProcessLimits(), deadline: ContinuousClock.Instant, outputLimit: Int,
        stopDescriptor: Int32 = -1
    ) throws(SystemCallError) -> ProcessRun {
        let child = try ChildProcess(
            executable: executable, arguments: arguments, environment: environment, limits: limits)
        var (end, output) = child.exchange(
            input, closingInput: true, deadline: deadline, outputLimit: outputLimit, stopDescriptor: stopDescriptor)
        if end == .outputEnded {
            end = child.awaitExit(deadline: deadline, stopDescriptor: stopDescriptor) ?? .outputEnded
        }
        let stoppedFor = end == .outputEnded ? nil : end
        // The end it came to by itself (recorded when reaped), else SIGKILL's.
        let termination = child.kill()
        return ProcessRun(
            termination: termination, output: Array(output.prefix(outputLimit)), errorTail: child.errorTail,
            stoppedFor: stoppedFor)
    }

    /// Waits for a child whose output has ended to exit: nil once it has (and is reaped), or
    /// `.timedOut` or `.stopped` when `deadline` passes or `stopDescriptor` becomes readable
    /// first (a program that closed its output and runs on).
    private func awaitExit(deadline: ContinuousClock.Instant, stopDescriptor: Int32) -> ExchangeEnd? {
        closeInput()
        while reap(blocking: false) == nil {
            if ContinuousClock.now >= deadline { return .timedOut }
            // poll ignores a negative descriptor and only waits.
            var stop = pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&stop, 1, 2) > 0 { return .stopped }
        }
        return nil
    }
}
