import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request to stop an index run or a watch early (from SIGINT or SIGTERM): the indexing
/// pipeline stops taking new files, lets the file being written finish, and returns its summary.
///
/// A thread blocked in `poll(2)` can include `wakeDescriptor`, which becomes readable once
/// the request is made.
public final class StopRequest: Sendable {
    private let requestedSignal = Atomic<Int32>(0)
    private let pipeEnds: (read: Int32, write: Int32)

    public init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        }
        pipeEnds = (ends[0], ends[1])
    }

    deinit {
        close(pipeEnds.read)
        close(pipeEnds.write)
    }

    /// Asks the run to stop; `signal` is the signal that asked (0 for none), for the exit status.
    public func request(signal: Int32 = 0) {
        guard
            requestedSignal.compareExchange(
                expected: 0, desired: signal > 0 ? signal : -1, ordering: .acquiringAndReleasing
            )
            .exchanged
        else { return }
        var byte: UInt8 = 1
        _ = write(pipeEnds.write, &byte, 1)
    }

    public var isRequested: Bool { requestedSignal.load(ordering: .acquiring) != 0 }

    /// The signal that asked to stop, if one did.
    public var signal: Int32? {
        let value = requestedSignal.load(ordering: .acquiring)
        return value > 0 ? value : nil
    }

    /// Readable once a stop has been requested (never read from: it stays readable).
    public var wakeDescriptor: Int32 { pipeEnds.read }
}
