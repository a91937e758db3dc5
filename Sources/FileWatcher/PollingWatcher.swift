import FileWalk

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The portable fallback: every `interval` seconds, asks for a rescan of every root (files
/// whose size and time are unchanged are not even read, so a rescan costs a walk).
public struct PollingWatcher: ChangeSource {
    public let interval: Double
    let stop: StopRequest

    public init(interval: Double, stop: StopRequest) {
        self.interval = interval
        self.stop = stop
    }

    public mutating func next(wakingBy deadline: UInt64?) throws -> ChangeBatch? {
        let due = EventWait.now() + UInt64(interval * 1e9)
        while !stop.isRequested {
            let now = EventWait.now()
            if now >= due { return ChangeBatch(rescan: true) }
            if let deadline, now >= deadline { return ChangeBatch() }
            var wake = pollfd(fd: stop.wakeDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&wake, 1, Self.milliseconds(until: min(due, deadline ?? due), from: now))
            if ready < 0 && errno != EINTR { throw WatchError.system("poll", errno) }
        }
        return nil
    }

    /// A `poll(2)` timeout that ends at or just after `deadline`.
    static func milliseconds(until deadline: UInt64, from now: UInt64) -> Int32 {
        deadline > now ? Int32(clamping: (deadline - now) / 1_000_000 + 1) : 0
    }
}
