import CBLAS
import SemfindCore

/// Exact search: every stored vector scored against the query with one matrix-vector product.
///
/// The vectors come from the snapshot beside the database when it is of the database's
/// generation (a memory map: opening costs almost nothing); otherwise they are read from the
/// database in one pass, raw blobs copied straight into one matrix, and the snapshot is
/// rewritten for the next query.
public struct FlatIndex: Sendable {
    public let snapshot: VectorSnapshot

    public var count: Int { snapshot.count }
    public var dimension: Int { snapshot.dimension }

    public init(store: IndexStore) throws {
        let dimension = Int(try store.meta("dimension") ?? "") ?? 0
        let generation = try store.generation()
        if let mapped = VectorSnapshot.mapped(indexPath: store.path, generation: generation, dimension: dimension) {
            snapshot = mapped
            return
        }
        snapshot = try store.readSnapshot(dimension: dimension)
        try? snapshot.write(indexPath: store.path)
    }

    /// The cosine similarity (vectors are normalized) of `query` with every row.
    public func scores(_ query: [Float]) -> [Float] {
        var scores = [Float](repeating: 0, count: count)
        guard count > 0, query.count == dimension else { return scores }
        cblas_sgemv(
            CblasRowMajor, CblasNoTrans, Int32(count), Int32(dimension), 1, snapshot.matrix.baseAddress,
            Int32(dimension), query, 1, 0, &scores, 1)
        return scores
    }

    /// The `limit` best rows of `scores`, best first, among the rows whose file `allow` accepts
    /// (all rows when nil).
    public func best(_ scores: [Float], limit: Int, allow: ((Int64) -> Bool)? = nil) -> [(
        chunkID: Int64, fileID: Int64, score: Float
    )] {
        guard limit > 0 else { return [] }
        var best = TopScores(capacity: limit)
        let fileIDs = snapshot.fileIDs
        for row in 0..<min(count, scores.count) where best.admits(scores[row]) {
            if let allow, !allow(fileIDs[row]) { continue }
            best.insert(row, scores[row])
        }
        return best.ranked.map { (snapshot.chunkIDs[$0.row], fileIDs[$0.row], $0.score) }
    }

    /// The row of a chunk (rows are in chunk id order), or nil when it has no vector.
    public func row(of chunkID: Int64) -> Int? {
        let ids = snapshot.chunkIDs
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < chunkID { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == chunkID ? low : nil
    }
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
