import SemfindCore
import Testing
import VectorIndex

@testable import QueryEngine

@Suite struct SplitScanTests {
    /// 3,000 rows over files of 1 to 6 chunks, every third chunk opening a section when it does
    /// not open its file; every seventh row repeats an earlier vector, so that equal scores (and
    /// the rule that the earlier row wins them) are exercised.
    func index() throws -> (flat: FlatIndex, runs: FileRuns) {
        var generator = SeededGenerator(seed: 42)
        let dimension = 48
        let count = 3_000
        var fileOfRow: [Int64] = []
        var file: Int64 = 1
        while fileOfRow.count < count {
            fileOfRow += Array(repeating: file, count: Int.random(in: 1...6, using: &generator))
            file += 1
        }
        var rows: [[Float]] = []
        for row in 0..<count {
            if row % 7 == 6 {
                rows.append(rows[Int.random(in: 0..<row, using: &generator)])
                continue
            }
            let values = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            rows.append(values.map { $0 / norm })
        }
        let snapshot = try VectorSnapshot.build(count: count, dimension: dimension, generation: 1) {
            chunkIDs, fileIDs, matrix in
            for row in 0..<count {
                chunkIDs[row] = Int64(row + 1)
                fileIDs[row] = fileOfRow[row]
                for column in 0..<dimension { matrix[row * dimension + column] = rows[row][column] }
            }
            return count
        }
        let flat = FlatIndex(snapshot: snapshot)
        let starts = Set(flat.snapshot.chunkIDs.filter { $0 % 3 == 0 })
        return (flat, FileRuns(snapshot: flat.snapshot, sections: SectionRuns(snapshot: flat.snapshot, starts: starts)))
    }

    @Test(
        "any number of blocks gives the single pass's candidates, in its order, with or without a filter or sections",
        arguments: [
            FileWeights(opening: 0.5, length: 0.02),
            FileWeights(opening: 0.5, length: 0.02, sectionOpening: 0.75, sectionLength: 0.5),
        ])
    func sameAsOnePass(weights: FileWeights) throws {
        let (flat, runs) = try index()
        var generator = SeededGenerator(seed: 7)
        var ties = 0
        for query in 0..<5 {
            let vector = flat.snapshot.vector(ofRow: query * 211).map {
                $0 + Float.random(in: -0.05...0.05, using: &generator)
            }
            for allowed in [nil, Set(flat.snapshot.fileIDs.filter { $0 % 3 != 0 })] {
                let rough = runs.adjusted(flat.approximateScores(vector), weights: weights)
                let expected = flat.best(rough, limit: 200, allow: allowed.map { set in { set.contains($0) } })
                ties += zip(expected, expected.dropFirst()).filter { $0.score == $1.score }.count
                for blocks in [1, 2, 3, 4, 7, 64] {
                    let split = SplitScan(flat: flat, runs: runs, blockCount: blocks).candidates(
                        vector, limit: 200, allow: allowed.map { set in { @Sendable in set.contains($0) } },
                        weights: weights)
                    #expect(split.map(\.row) == expected.map(\.row), "\(blocks) blocks")
                    #expect(split.map(\.score) == expected.map(\.score), "\(blocks) blocks")
                    #expect(split.map(\.chunkID) == expected.map(\.chunkID))
                }
            }
        }
        #expect(ties > 0, "equal scores are among the candidates")
    }
}
