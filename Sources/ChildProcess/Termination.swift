#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended, with the most memory it held.
public struct Termination: Sendable, Equatable {
    public enum Cause: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (a crash, SIGXCPU, or the parent's kill).
        case signaled(Int32)
    }

    public let cause: Cause
    /// Its peak resident memory in bytes (`wait4`'s `ru_maxrss`).
    public let peakMemory: Int

    public init(cause: Cause, peakMemory: Int) {
        self.cause = cause
        self.peakMemory = peakMemory
    }

    /// A signal's usual name, e.g. "SIGSEGV" (or "signal 42").
    public static func name(ofSignal number: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ",
            SIGSYS: "SIGSYS",
        ]
        return names[number] ?? "signal \(number)"
    }
}

extension Termination: CustomStringConvertible {
    /// "exited with status 3", "killed by SIGSEGV".
    public var description: String {
        switch cause {
        case .exited(let status): "exited with status \(status)"
        case .signaled(let signal): "killed by \(Self.name(ofSignal: signal))"
        }
    }
}
