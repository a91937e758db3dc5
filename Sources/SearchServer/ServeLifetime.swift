import FileWalk
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How `semfind serve` ends: between two answers, never in the middle of one. A request is
/// answered and its response written while holding `answering`; the end takes it, removes the
/// socket (if the server listens on one) and ends the process.
///
/// `@unchecked Sendable`: its state is a lock and a path that never changes.
public final class ServeLifetime: @unchecked Sendable {
    public let answering = NSLock()
    private let socketPath: String?

    public init(socketPath: String?) {
        self.socketPath = socketPath
    }

    /// Ends the process with `status` once the request being answered (if any) is answered.
    /// `_exit`, not `exit`: the main thread may be blocked reading standard input, holding the
    /// lock of stdin's `FILE` that `exit`'s stdio clean-up would wait for; every output was
    /// written unbuffered.
    public func end(_ status: Int32) -> Never {
        answering.lock()
        if let socketPath { unlink(socketPath) }
        _exit(status)
    }

    /// Ends the process (status 0) when `stop` is requested, from a thread that waits for it.
    public func end(on stop: StopRequest) {
        let thread = Thread { [self] in
            var waiting = pollfd(fd: stop.wakeDescriptor, events: Int16(POLLIN), revents: 0)
            while poll(&waiting, 1, -1) < 0 && errno == EINTR {}
            end(0)
        }
        thread.name = "semfind-serve-stop"
        thread.start()
    }

    /// Input ended or the socket failed: asks `stop`, and waits for whoever ends the process
    /// (the watch, once its batch in flight is written, or `end(on:)`).
    public func stopServing(_ stop: StopRequest) -> Never {
        stop.request()
        while true { sleep(60) }
    }
}
