import CBLAS
import CKernels

/// Exact nearest neighbours by dot product (cosine for unit vectors), many queries at once:
/// one matrix product per block of rows. The ground truth that approximate search is measured
/// against.
public enum ExactNeighbors {
    /// For each of the `queries` (rows of `dimension`), the `k` rows of `vectors` with the
    /// largest dot products, best first; a row listed in `excluded[query]` is skipped (a query
    /// taken from the rows themselves should not find itself).
    public static func search(
        _ queries: [Float], in vectors: UnsafeBufferPointer<Float>, dimension: Int, k: Int,
        excluded: [Int]? = nil
    ) -> [[Int]] {
        search(queries, in: FloatMatrix(vectors, dimension: dimension), k: k, excluded: excluded)
    }

    /// The same over rows in any form, read a block at a time.
    public static func search(_ queries: [Float], in rows: some FloatRows, k: Int, excluded: [Int]? = nil) -> [[Int]] {
        let dimension = rows.dimension
        let queryCount = queries.count / max(1, dimension)
        var best = (0..<queryCount).map { _ in TopScores(capacity: k) }
        guard queryCount > 0, rows.rowCount > 0 else { return best.map { _ in [] } }
        let block = 8192
        var scores = [Float](repeating: 0, count: queryCount * block)
        semfind_blas_lock()
        defer { semfind_blas_unlock() }
        rows.forEachBlock(rows: block) { first, values in
            guard let base = values.baseAddress else { return }
            let width = values.count / dimension
            if queryCount == 1 {
                // A product with one row would pack the whole block first: a matrix-vector product does not.
                cblas_sgemv(
                    CblasRowMajor, CblasNoTrans, Int32(width), Int32(dimension), 1, base,
                    Int32(dimension), queries, 1, 0, &scores, 1)
            } else {
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(queryCount), Int32(width), Int32(dimension), 1,
                    queries, Int32(dimension), base, Int32(dimension), 0, &scores, Int32(block))
            }
            for query in 0..<queryCount {
                let skipped = excluded?[query] ?? -1
                for offset in 0..<width where best[query].admits(scores[query * block + offset]) {
                    if first + offset != skipped { best[query].insert(first + offset, scores[query * block + offset]) }
                }
            }
        }
        return best.map { $0.ranked.map(\.row) }
    }

    /// The share of `truth`'s first `k` rows that `found`'s first `k` contain, averaged over
    /// queries (recall@k).
    public static func recall(_ found: [[Int]], truth: [[Int]], k: Int) -> Double {
        guard !truth.isEmpty else { return 1 }
        let shares = zip(found, truth).map { found, truth -> Double in
            let expected = Set(truth.prefix(k))
            guard !expected.isEmpty else { return 1 }
            return Double(found.prefix(k).filter(expected.contains).count) / Double(expected.count)
        }
        return shares.reduce(0, +) / Double(truth.count)
    }
}
