import Foundation
import Testing
import VectorIndex

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

    @Test("rows ordered by IVF list still find their file's opening chunk and size, through chunk id order")
    func listOrder() throws {
        // Chunks 1-3 belong to file 7, chunk 4 to file 9; list 0 holds chunks 2 and 4, list 1 chunks 1 and 3.
        let rows: [(chunk: Int64, file: Int64)] = [(2, 7), (4, 9), (1, 7), (3, 7)]
        let snapshot = try VectorSnapshot.build(
            count: 4, dimension: 1, generation: 0,
            lists: VectorSnapshot.ListLayout(starts: [0, 2, 4], centroids: [1, 1])
        ) { chunkIDs, fileIDs, matrix in
            for (row, ids) in rows.enumerated() {
                chunkIDs[row] = ids.chunk
                fileIDs[row] = ids.file
                matrix[row] = 1
            }
            return 4
        }
        let runs = FileRuns(snapshot: snapshot)
        #expect(runs.firstRow == [2, 1], "chunk 1 (row 2) opens file 7, chunk 4 (row 1) file 9")
        #expect(runs.chunkCount == [3, 1])
        #expect(runs.runOfRow == [0, 1, 0, 0])
        #expect(snapshot.row(of: 3) == 3 && snapshot.row(of: 4) == 1 && snapshot.row(of: 5) == nil)
        for row in 0..<4 {
            let looked = SnapshotFiles(snapshot: snapshot).file(ofRow: row)
            let passed = runs.file(ofRow: row)
            #expect(looked.openingRow == passed.openingRow && looked.chunks == passed.chunks, "row \(row)")
        }
        let partial = FileRuns(snapshot: snapshot, chunkCounts: [9: 12])
        #expect(partial.chunkCount == [3, 12], "a file only partly read counts all its chunks")
    }
}
