/// Where a watch learns what changed: inotify on Linux, FSEvents on macOS, or polling anywhere.
public protocol ChangeSource {
    /// Waits for the next batch of changes, debounced; an empty batch when `deadline` (in
    /// `DispatchTime` uptime nanoseconds) comes first; `nil` once a stop has been requested.
    mutating func next(wakingBy deadline: UInt64?) throws -> ChangeBatch?
}
