import Testing

@testable import Indexer

@Suite("Embedding groups follow the encoder's pace")
struct GroupPaceTests {
    @Test("a fast encoder's groups double up to the largest; a slow one's halve back, never below the smallest")
    func followsPace() {
        var pace = GroupPace(smallest: 128, largest: 1024)
        #expect(pace.size == 128)
        var sizes: [Int] = []
        for _ in 0..<4 {
            pace.record(seconds: 0.2)
            sizes.append(pace.size)
        }
        #expect(sizes == [256, 512, 1024, 1024])
        pace.record(seconds: 0.8)
        #expect(pace.size == 1024, "near the target: kept")
        sizes = []
        for _ in 0..<4 {
            pace.record(seconds: 3)
            sizes.append(pace.size)
        }
        #expect(sizes == [512, 256, 128, 128])
    }

    @Test("a largest below four batches (serve --watch's groups of 8) is the only size")
    func smallLargest() {
        var pace = GroupPace(smallest: 8, largest: 8)
        pace.record(seconds: 0.01)
        #expect(pace.size == 8)
    }
}
