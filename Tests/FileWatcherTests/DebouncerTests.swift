import Testing

@testable import FileWatcher

@Suite struct DebouncerTests {
    let millisecond: UInt64 = 1_000_000

    @Test("nothing pending, nothing due")
    func idle() {
        let debouncer = Debouncer()
        #expect(debouncer.deadline == nil)
        #expect(!debouncer.isDue(at: 10_000 * millisecond))
    }

    @Test("a batch is due once events have settled")
    func settles() {
        var debouncer = Debouncer(settle: 200 * millisecond, maxDelay: 2000 * millisecond)
        debouncer.note(at: 1000 * millisecond)
        debouncer.note(at: 1100 * millisecond)
        #expect(!debouncer.isDue(at: 1250 * millisecond))
        #expect(debouncer.isDue(at: 1300 * millisecond))
        debouncer.reset()
        #expect(debouncer.deadline == nil)
    }

    @Test("a continuous stream is still cut into batches")
    func boundedDelay() {
        var debouncer = Debouncer(settle: 200 * millisecond, maxDelay: 2000 * millisecond)
        var now = 1000 * millisecond
        while now < 4000 * millisecond {
            debouncer.note(at: now)
            now += 50 * millisecond
        }
        #expect(debouncer.deadline == 3000 * millisecond)
    }
}
