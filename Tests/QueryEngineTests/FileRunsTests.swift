import Foundation
import Testing

@testable import QueryEngine

@Suite struct FileRunsTests {
    @Test("rows of a file get its opening chunk's similarity and a penalty for its length")
    func adjusted() {
        let fileIDs: [Int64] = [7, 7, 7, 9]
        let runs = fileIDs.withUnsafeBufferPointer { FileRuns(fileIDs: $0) }
        #expect(runs.firstRow == [0, 3])
        #expect(runs.chunkCount == [3, 1])
        let scores = runs.adjusted([0.2, 0.8, 0.1, 0.6], openingWeight: 0.5, lengthPenalty: 0.1)
        let penalty = Float(0.1 * log(3.0))
        #expect(abs(scores[1] - (0.8 + 0.1 - penalty)) < 1e-6)
        #expect(abs(scores[3] - (0.6 + 0.3)) < 1e-6)
    }
}
