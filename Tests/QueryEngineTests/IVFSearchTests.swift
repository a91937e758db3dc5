import SemfindCore
import Testing
import VectorIndex

@testable import QueryEngine

@Suite struct IVFSearchTests {
    /// 3,000 random rows in files of 1 to 40 chunks, as an IVF index of 16 lists.
    func index() throws -> IVFIndex {
        var generator = SeededGenerator(seed: 11)
        let dimension = 48
        let count = 3_000
        var fileOfRow: [Int64] = []
        var file: Int64 = 1
        while fileOfRow.count < count {
            fileOfRow += Array(repeating: file, count: Int.random(in: 1...40, using: &generator))
            file += 1
        }
        let snapshot = try VectorSnapshot.build(count: count, dimension: dimension, generation: 1) {
            chunkIDs, fileIDs, matrix in
            for row in 0..<count {
                chunkIDs[row] = Int64(row + 1)
                fileIDs[row] = fileOfRow[row]
                let values = (0..<dimension).map { _ in generator.nextGaussian() }
                let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                for column in 0..<dimension { matrix[row * dimension + column] = values[column] / norm }
            }
            return count
        }
        return try IVFIndex(training: snapshot, listCount: 16, generation: 1)
    }

    @Test("probing every list, the candidates are a search of every row's, rows lifted by their file included")
    func sameAsEveryRow() throws {
        let ivf = try index()
        let snapshot = ivf.snapshot
        let runs = FileRuns(snapshot: snapshot)
        let policy = QueryPolicy()
        let search = IVFSearch(ivf: ivf, probes: ivf.listCount)
        var lifted = 0
        for opening in [0, 400, 1_200, 2_500] {
            let query = snapshot.vector(ofRow: runs.file(ofRow: snapshot.row(of: Int64(opening + 1)) ?? 0).openingRow)
            let similarities = (0..<snapshot.count).map { snapshot.similarity(query, row: $0) }
            let adjusted = runs.adjusted(similarities, weights: FileWeights(policy))
            let expected = (0..<snapshot.count).sorted { adjusted[$0] > adjusted[$1] }.prefix(10)
            let raw = ivf.candidates(query, probes: ivf.listCount, limit: 20).map(\.row)
            lifted += expected.filter { !raw.contains($0) }.count
            let found = search.widened(
                ivf.candidates(query, probes: ivf.listCount, limit: 20), files: SnapshotFiles(snapshot: snapshot),
                exact: ExactSimilarities(flat: search.flat, query: query), limit: 20, allow: nil, policy: policy)
            #expect(Array(found.prefix(10).map(\.row)) == Array(expected))
        }
        #expect(lifted > 0, "some of the best rows are not among the most similar ones")
    }
}
