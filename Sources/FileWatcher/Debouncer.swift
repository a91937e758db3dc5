/// Decides when a burst of events has settled: `settle` after the last event, but never
/// later than `maxDelay` after the first, so that a continuous stream still yields batches.
/// Times are monotonic nanoseconds, passed in (which keeps it testable).
public struct Debouncer: Sendable {
    public let settle: UInt64
    public let maxDelay: UInt64
    private var first: UInt64?
    private var last: UInt64?

    /// Defaults: settle 200 ms, at most 2 s.
    public init(settle: UInt64 = 200_000_000, maxDelay: UInt64 = 2_000_000_000) {
        self.settle = settle
        self.maxDelay = maxDelay
    }

    /// An event arrived at `now`.
    public mutating func note(at now: UInt64) {
        if first == nil { first = now }
        last = now
    }

    /// When the pending events are due as a batch; `nil` when none are pending.
    public var deadline: UInt64? {
        guard let first, let last else { return nil }
        return min(last + settle, first + maxDelay)
    }

    public func isDue(at now: UInt64) -> Bool {
        deadline.map { now >= $0 } ?? false
    }

    /// The pending events were handed out.
    public mutating func reset() {
        first = nil
        last = nil
    }
}
