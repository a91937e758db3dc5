/// When a watch rewrites the vector snapshot. A rewrite reads every vector, so its cost grows
/// with the index (milliseconds for a few thousand chunks, seconds for a hundred thousand):
/// after a batch it runs at once unless the last one ended less than ten times its own
/// duration ago, in which case it waits until then. Rewriting thus takes at most about a
/// tenth of the time; meanwhile queries read the vectors from the database (slower, never
/// wrong: a snapshot of another generation is not used). Times in nanoseconds.
public struct SnapshotSchedule {
    public static let spacing: UInt64 = 10
    private var lastEnd: UInt64?
    private var lastCost: UInt64 = 0
    /// Set when the index changed since the last rewrite.
    public private(set) var isStale = false

    public init() {}

    /// The index changed (a batch was written).
    public mutating func changed() {
        isStale = true
    }

    /// When the next rewrite may run; `nil` when none is needed.
    public var due: UInt64? {
        guard isStale else { return nil }
        guard let lastEnd else { return 0 }
        return lastEnd + lastCost * Self.spacing
    }

    public func isDue(at now: UInt64) -> Bool {
        due.map { now >= $0 } ?? false
    }

    /// A rewrite ran from `start` to `end`.
    public mutating func rewrote(from start: UInt64, to end: UInt64) {
        lastEnd = end
        lastCost = end - start
        isStale = false
    }
}
