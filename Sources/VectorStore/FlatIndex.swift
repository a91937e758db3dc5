import CBLAS
import SemfindCore

/// Exact search: every stored vector in one contiguous row-major matrix, scored against a query
/// with one matrix-vector product. Loaded with one pass over the vectors table (raw blobs copied
/// straight into the matrix, no per-row objects).
public struct FlatIndex: Sendable {
    public let dimension: Int
    /// Chunk ids, one per matrix row.
    let ids: [Int64]
    let matrix: [Float]

    public var count: Int { ids.count }

    /// Loads every vector of `store`.
    public init(store: IndexStore) throws {
        let total = Int(try store.database.integer("SELECT count(*) FROM vectors"))
        dimension = Int(try store.meta("dimension") ?? "") ?? 0
        var ids: [Int64] = []
        ids.reserveCapacity(total)
        var matrix = [Float](repeating: 0, count: total * dimension)
        let statement = try store.database.prepare("SELECT chunk_id, vector FROM vectors")
        let rowBytes = dimension * MemoryLayout<Float>.stride
        try matrix.withUnsafeMutableBytes { target in
            while try statement.step(), ids.count < total {
                let blob = statement.blob(1)
                guard blob.count == rowBytes, let base = target.baseAddress else {
                    throw SemfindError(
                        .invalidInput,
                        "index \(store.path) has a vector of \(blob.count) bytes, expected \(rowBytes); rebuild it with semfind index --rebuild"
                    )
                }
                (base + ids.count * rowBytes).copyMemory(
                    from: blob.baseAddress ?? UnsafeRawPointer(base), byteCount: rowBytes)
                ids.append(statement.int64(0))
            }
        }
        self.ids = ids
        self.matrix = Array(matrix.prefix(ids.count * dimension))
    }

    /// The `limit` best chunk ids by cosine similarity (vectors are normalized), best first.
    public func search(_ query: [Float], limit: Int) -> [(chunkID: Int64, score: Float)] {
        guard count > 0, query.count == dimension, limit > 0 else { return [] }
        var scores = [Float](repeating: 0, count: count)
        cblas_sgemv(
            CblasRowMajor, CblasNoTrans, Int32(count), Int32(dimension), 1, matrix, Int32(dimension), query, 1, 0,
            &scores, 1)
        let best = scores.indices.sorted { scores[$0] > scores[$1] }.prefix(limit)
        return best.map { (ids[$0], scores[$0]) }
    }
}
