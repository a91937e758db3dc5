import CBLAS
import CKernels
import SemfindCore

extension RelevanceFloor {
    /// The floor of an index of `vectors` vectors, measured on `sample` (rows of `dimension`
    /// values, each belonging to the file in `owners`) with the embedded unrelated `questions`;
    /// nil when the sample is empty.
    package static func measured(
        questions: [[Float]], sample: [Float], owners: [Int64], dimension: Int, vectors: Int
    ) -> RelevanceFloor? {
        let taken = owners.count
        guard taken > 0 else { return nil }
        let asked = products(questions.flatMap { $0 }, sample, dimension: dimension)
        let questionBests = (0..<questions.count).map { asked[$0 * taken..<($0 + 1) * taken].max() ?? -1 }
        let queries = min(taken, pseudoQueries)
        let scores = products(Array(sample.prefix(queries * dimension)), sample, dimension: dimension)
        var pairs: [Float] = []
        for query in 0..<queries {
            for target in 0..<taken where owners[target] != owners[query] {
                pairs.append(scores[query * taken + target])
            }
        }
        return of(questionBests: questionBests, pairs: pairs, vectors: vectors)
    }

    /// The dot products of every row of `left` with every row of `right`, row after row.
    private static func products(_ left: [Float], _ right: [Float], dimension: Int) -> [Float] {
        let rows = left.count / dimension
        let columns = right.count / dimension
        var scores = [Float](repeating: 0, count: rows * columns)
        guard rows > 0, columns > 0 else { return scores }
        semfind_blas_lock()
        defer { semfind_blas_unlock() }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(columns), Int32(dimension), 1, left,
            Int32(dimension), right, Int32(dimension), 0, &scores, Int32(columns))
        return scores
    }
}

extension RelevanceFloor {
    /// The rows a measurement samples from `rows` (every vector of the index, in chunk id
    /// order): up to `sampledChunks`, in an order fixed by a seed, so that two backends holding
    /// the same vectors measure the same floor.
    package static func sample<Row>(_ rows: [Row]) -> ArraySlice<Row> {
        var rows = rows
        var generator = SeededGenerator(seed: 21)
        let taken = min(rows.count, sampledChunks)
        for position in 0..<taken { rows.swapAt(position, Int.random(in: position..<rows.count, using: &generator)) }
        return rows.prefix(taken)
    }
}
