import Testing

@testable import TextEncoder

@Suite("Batches cut smaller toward the end")
struct BatchPlanTests {
    @Test("every text once, longest first, no batch over the size")
    func everyTextOnceLongestFirst() {
        let lengths = (0..<301).map { ($0 * 37) % 250 + 3 }
        let batches = BatchPlan.batches(lengths: lengths, size: 32, workers: 2)
        let order = batches.flatMap { $0 }
        #expect(order.sorted() == Array(lengths.indices))
        #expect(zip(order, order.dropFirst()).allSatisfy { lengths[$0] >= lengths[$1] })
        #expect(batches.allSatisfy { $0.count <= 32 && !$0.isEmpty })
    }

    @Test("with two workers a group of 128 ends in batches of 16, 8 and 4: the last wait is short")
    func tailShrinks() {
        let sizes = BatchPlan.batches(lengths: Array(repeating: 100, count: 128), size: 32, workers: 2).map(\.count)
        #expect(sizes == [32, 32, 32, 16, 8, 4, 4])
    }

    @Test("one worker: batches of the full size")
    func oneWorker() {
        let sizes = BatchPlan.batches(lengths: Array(repeating: 10, count: 70), size: 32, workers: 1).map(\.count)
        #expect(sizes == [32, 32, 6])
        #expect(BatchPlan.batches(lengths: [], size: 32, workers: 2).isEmpty)
    }

    @Test("a few texts are shared among the workers, in batches of no less than an eighth of the size")
    func fewTexts() {
        #expect(
            BatchPlan.batches(lengths: Array(repeating: 10, count: 8), size: 32, workers: 2).map(\.count) == [4, 4])
        #expect(
            BatchPlan.batches(lengths: Array(repeating: 10, count: 6), size: 32, workers: 2).map(\.count) == [4, 2])
    }
}
