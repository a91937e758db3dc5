import Dispatch
import FileWalk
import Foundation
import Synchronization

/// `serve --socket --idle-exit SECONDS`: asks the server to stop once no search has come for
/// that long. The server then ends as on SIGTERM: after the answer in flight, removing its
/// socket, with status 0. A search that comes later answers by itself (and starts a server
/// again, unless told not to: `AutoServer`).
public final class IdleExit: Sendable {
    public let seconds: Int
    /// When a client was last heard from, in `DispatchTime` nanoseconds.
    private let lastHeard = Atomic<UInt64>(DispatchTime.now().uptimeNanoseconds)

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// A client connected or was answered: the quiet period starts again.
    public func heard() {
        lastHeard.store(DispatchTime.now().uptimeNanoseconds, ordering: .releasing)
    }

    /// Watches, from a thread of its own, for `seconds` without a client; then requests `stop`.
    public func start(stopping stop: StopRequest) {
        let period = UInt64(seconds) * 1_000_000_000
        let thread = Thread { [self] in
            while true {
                let quietUntil = lastHeard.load(ordering: .acquiring) + period
                let now = DispatchTime.now().uptimeNanoseconds
                if now >= quietUntil { break }
                Thread.sleep(forTimeInterval: Double(quietUntil - now) / 1e9)
            }
            FileHandle.standardError.write(Data("semfind: no search for \(seconds) s; the server stops\n".utf8))
            stop.request()
        }
        thread.name = "semfind-serve-idle"
        thread.start()
    }
}
