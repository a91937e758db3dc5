import Dispatch
import FileWalk

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the event-driven change sources (inotify, FSEvents) share: waiting for their events to
/// settle into a batch, and the clock and paths they use.
enum EventWait {
    /// Monotonic nanoseconds: the clock of `Debouncer` and of `ChangeSource.next`'s deadline.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// `ChangeSource.next` for a source whose events make `descriptor` readable: the pending
    /// batch once the events have settled (`settledAt`: the debouncer's deadline, nil when none
    /// is pending), an empty batch when `deadline` comes first, nil once a stop is requested.
    /// Meanwhile it waits in `poll(2)` on `descriptor` and on the stop request, and has
    /// `readEvents` take in what the descriptor holds. `takeBatch` hands out what is pending and
    /// resets the debouncer.
    static func next(
        descriptor: Int32, stop: StopRequest, deadline: UInt64?, settledAt: () -> UInt64?,
        takeBatch: () -> ChangeBatch, readEvents: () throws -> Void
    ) throws -> ChangeBatch? {
        while !stop.isRequested {
            let now = Self.now()
            let settled = settledAt()
            if let settled, now >= settled {
                let batch = takeBatch()
                if !batch.isEmpty { return batch }
                continue
            }
            if let deadline, now >= deadline { return ChangeBatch() }
            let wake = [settled, deadline].compactMap { $0 }.min()
            let timeout = wake.map { PollingWatcher.milliseconds(until: $0, from: now) } ?? -1
            var fds = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stop.wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { throw WatchError.system("poll", errno) }
            if ready > 0 && fds[0].revents != 0 { try readEvents() }
        }
        return nil
    }

    /// The folder that holds the file at `path` (an absolute path): what is watched for a root
    /// that is a file.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
