import ChildProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a parse worker gave no reply for a file, said as the file's failure: "the pdf parser
/// crashed (SIGSEGV)", "… took longer than 30 s", "… ran out of memory (1 GiB limit)".
enum WorkerFailure: Error {
    case couldNotStart(String)
    case timedOut
    /// The run was asked to stop while the worker parsed.
    case stopped
    case unreadableReply
    case ended(Termination, errorTail: [UInt8])

    func message(plugin: String, launch: WorkerLaunch) -> String {
        let parser = "the \(plugin) parser"
        switch self {
        case .couldNotStart(let reason): return "\(parser) could not start: \(reason)"
        case .timedOut: return "\(parser) took longer than \(Self.seconds(launch.timeout)): stopped"
        case .stopped: return "\(parser) was stopped: the run is stopping"
        case .unreadableReply: return "\(parser) sent an unreadable reply"
        case .ended(let termination, let errorTail):
            if Self.ranOutOfMemory(termination, errorTail: errorTail, limit: launch.addressSpace) {
                return "\(parser) ran out of memory (\(Self.size(launch.addressSpace)) limit)"
            }
            switch termination.cause {
            case .signaled(SIGXCPU): return "\(parser) used more than \(launch.cpuSeconds) s of CPU time: stopped"
            case .signaled(let signal): return "\(parser) crashed (\(Termination.name(ofSignal: signal)))"
            case .exited(let status): return "\(parser) exited with status \(status) before answering"
            }
        }
    }

    /// Whether a worker that ended was out of memory: an allocation failed (the Swift runtime,
    /// GLib and C++ all say so on standard error before they abort), or it held most of its
    /// address space when it died.
    static func ranOutOfMemory(_ termination: Termination, errorTail: [UInt8], limit: Int) -> Bool {
        guard case .signaled = termination.cause else { return false }
        let said = String(decoding: errorTail, as: UTF8.self).lowercased()
        return said.contains("allocate") || said.contains("bad_alloc") || said.contains("out of memory")
            || termination.peakMemory >= limit / 4 * 3
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    static func size(_ bytes: Int) -> String {
        bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }
}
