import Dispatch
import Synchronization
import Testing

@testable import TextEncoder

@Suite("Batches handed to free workers")
struct BatchCursorTests {
    @Test("every index is taken once, in order, however many workers ask at once")
    func eachIndexOnce() {
        let cursor = BatchCursor(count: 1000)
        let taken = Mutex<[[Int]]>(Array(repeating: [], count: 4))
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            while let index = cursor.take() { taken.withLock { $0[worker].append(index) } }
        }
        let all = taken.withLock { $0 }
        #expect(all.flatMap { $0 }.sorted() == Array(0..<1000))
        #expect(all.allSatisfy { $0 == $0.sorted() }, "each worker gets increasing indices")
        #expect(cursor.take() == nil)
    }

    @Test("no batches: nothing to take")
    func empty() {
        #expect(BatchCursor(count: 0).take() == nil)
    }
}
