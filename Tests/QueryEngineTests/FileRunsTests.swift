import Foundation
import Testing
import VectorStore

@testable import QueryEngine

@Suite struct FileRunsTests {
    @Test("rows of a file get its opening chunk's similarity and a penalty for its length")
    func adjusted() throws {
        let fileIDs: [Int64] = [7, 7, 7, 9]
        let snapshot = try VectorSnapshot.build(count: 4, dimension: 1, generation: 0) { chunkIDs, files, matrix in
            for row in 0..<4 {
                chunkIDs[row] = Int64(row + 1)
                files[row] = fileIDs[row]
                matrix[row] = 1
            }
            return 4
        }
        let runs = FileRuns(snapshot: snapshot)
        #expect(runs.firstRow == [0, 3])
        #expect(runs.chunkCount == [3, 1])
        let scores = runs.adjusted([0.2, 0.8, 0.1, 0.6], openingWeight: 0.5, lengthPenalty: 0.1)
        let penalty = Float(0.1 * log(3.0))
        #expect(abs(scores[1] - (0.8 + 0.1 - penalty)) < 1e-6)
        #expect(abs(scores[3] - (0.6 + 0.3)) < 1e-6)
    }
}
