import Dispatch
import FileWalk

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT and SIGTERM into a `StopRequest` (through dispatch sources, so no work runs
/// in a signal handler): the run stops taking files, finishes the one being written, and
/// reports. A second signal ends the process at once (SQLite's journal keeps the index sound).
final class SignalCatcher {
    let stop = StopRequest()
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [stop] in
                if stop.isRequested { _exit(128 + number) }
                stop.request(signal: number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The shell's status for a run a signal stopped: 128 + the signal (130 for SIGINT, 143
    /// for SIGTERM).
    var interruptedStatus: Int32? { stop.signal.map { 128 + $0 } }
}
