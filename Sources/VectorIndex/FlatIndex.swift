import CBLAS
import CKernels
import SemfindCore

/// Search over every stored vector: an int8 scan of all rows picks candidates, which are
/// rescored with the stored vectors.
///
/// The rows are a `VectorSnapshot`: mapped from the file beside the index, or built in memory
/// (`IndexStore` chooses, in `FlatIndex(store:)`).
public struct FlatIndex: Sendable {
    public let snapshot: VectorSnapshot

    public var count: Int { snapshot.count }
    public var dimension: Int { snapshot.dimension }

    /// Search over the rows of `snapshot`.
    public init(snapshot: VectorSnapshot) {
        self.snapshot = snapshot
    }

    /// Approximately the cosine similarity (vectors are normalized) of `query` with every row:
    /// int8 dot products of the quantized rows, within about 0.01 of the exact value — enough
    /// to pick candidates, which `exactScore` then rescores.
    public func approximateScores(_ query: [Float]) -> [Float] {
        var scores = [Float](repeating: 0, count: count)
        guard count > 0, query.count == dimension, let rows = snapshot.quantized.baseAddress else { return scores }
        let (quantizedQuery, queryScale) = Quantizer.quantized(query)
        var dots = [Int32](repeating: 0, count: count)
        semfind_int8_scores(rows, quantizedQuery, count, dimension, &dots)
        let scales = snapshot.scales
        for row in 0..<count { scores[row] = Float(dots[row]) * scales[row] * queryScale }
        return scores
    }

    /// The cosine similarity of `query` with one row as the index stores it (exact for float32).
    public func exactScore(_ query: [Float], row: Int) -> Float {
        guard query.count == dimension else { return 0 }
        return snapshot.similarity(query, row: row)
    }

    /// The `limit` best rows of `scores`, best first, among the rows whose file `allow` accepts
    /// (all rows when nil).
    public func best(_ scores: [Float], limit: Int, allow: ((Int64) -> Bool)? = nil) -> [(
        row: Int, chunkID: Int64, fileID: Int64, score: Float
    )] {
        guard limit > 0 else { return [] }
        var best = TopScores(capacity: limit)
        let fileIDs = snapshot.fileIDs
        for row in 0..<min(count, scores.count) where best.admits(scores[row]) {
            if let allow, !allow(fileIDs[row]) { continue }
            best.insert(row, scores[row])
        }
        return best.ranked.map { ($0.row, snapshot.chunkIDs[$0.row], fileIDs[$0.row], $0.score) }
    }

    /// The row of a chunk, or nil when it has no vector.
    public func row(of chunkID: Int64) -> Int? { snapshot.row(of: chunkID) }
}

/// The `capacity` highest scores seen, kept sorted; cheap when capacity is small.
struct TopScores {
    let capacity: Int
    private(set) var ranked: [(row: Int, score: Float)] = []

    init(capacity: Int) {
        self.capacity = capacity
        ranked.reserveCapacity(capacity + 1)
    }

    func admits(_ score: Float) -> Bool {
        ranked.count < capacity || score > ranked[ranked.count - 1].score
    }

    mutating func insert(_ row: Int, _ score: Float) {
        var position = ranked.count
        while position > 0 && ranked[position - 1].score < score { position -= 1 }
        ranked.insert((row, score), at: position)
        if ranked.count > capacity { ranked.removeLast() }
    }
}
