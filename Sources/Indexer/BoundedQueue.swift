import Foundation

/// A first-in, first-out queue between one producer and one consumer thread that blocks the
/// producer while the queued items' total weight is over a limit: the walker and parser run
/// ahead of the encoder, but only so far, which bounds memory.
///
/// `@unchecked Sendable`: every access to `items`, `weight` and `closed` holds `condition`.
final class BoundedQueue<Item>: @unchecked Sendable {
    /// Popped items leave `nil` behind (their slots are reclaimed in bulk), so that the queue
    /// never keeps alive what the consumer has taken.
    private var items: [(item: Item?, weight: Int)] = []
    private var head = 0
    private var weight = 0
    private var closed = false
    private let limit: Int
    private let condition = NSCondition()

    init(weightLimit: Int) {
        limit = weightLimit
    }

    /// Adds an item, first waiting until the queue is light enough (an item heavier than the
    /// limit waits for an empty queue).
    func push(_ item: Item, weight itemWeight: Int) {
        condition.lock()
        defer { condition.unlock() }
        while weight > 0 && weight + itemWeight > limit { condition.wait() }
        items.append((item, itemWeight))
        weight += itemWeight
        condition.broadcast()
    }

    /// No more items will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, waiting for one; nil once the queue is closed and empty.
    func pop() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let (item, itemWeight) = items[head]
        items[head].item = nil
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        weight -= itemWeight
        condition.broadcast()
        return item
    }
}
