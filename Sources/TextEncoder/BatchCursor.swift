import Foundation

/// Hands out the indices `0..<count` in order, each once, to whichever worker asks first: batches
/// sorted longest first then go to the core that is free, instead of alternating between cores,
/// which left one core waiting when a group's batches differ in length.
final class BatchCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The next index, or nil when all were taken.
    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
