import Testing

@testable import Indexer

@Suite struct BoundedQueueTests {
    final class Payload {}

    @Test("an item taken by the consumer is not kept alive by the queue")
    func poppedItemsAreReleased() {
        let queue = BoundedQueue<Payload>(weightLimit: 100)
        weak var first: Payload?
        do {
            let payload = Payload()
            first = payload
            queue.push(payload, weight: 1)
        }
        queue.push(Payload(), weight: 1)
        do {
            let popped = queue.pop()
            #expect(popped === first)
        }
        #expect(first == nil, "a popped item outlived its last use: the queue still held it")
        #expect(queue.pop() != nil)
        queue.close()
        #expect(queue.pop() == nil)
    }
}
