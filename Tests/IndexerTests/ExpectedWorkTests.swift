import Testing

@testable import Indexer

@Suite struct ExpectedWorkTests {
    @Test("the time left follows the share of bytes done, not of files")
    func secondsLeft() {
        var summary = IndexSummary()
        summary.indexed = 99
        summary.bytesSeen = 25_000
        let work = ExpectedWork(files: 100, bytes: 100_000)
        #expect(work.secondsLeft(after: 10, done: summary) == 30)
        #expect(work.secondsLeft(after: 10, done: IndexSummary()) == 0)
    }
}
