import VectorIndex

/// Exact similarities of the query with rows, each computed once, when first asked for; and
/// those of chunks outside the rows that the index computed (`SemanticIndex.similarities`).
final class ExactSimilarities {
    let flat: FlatIndex
    let query: [Float]
    private let known = Memo<Int, Float>()
    /// Similarities of chunks that are not rows of `flat`, by chunk id.
    var outside: [Int64: Float] = [:]

    init(flat: FlatIndex, query: [Float]) {
        self.flat = flat
        self.query = query
    }

    func of(_ row: Int) -> Float {
        known.value(for: row) { flat.exactScore(query, row: row) }
    }

    /// The chunk's similarity; nil when it has no vector.
    func of(chunk chunkID: Int64) -> Float? {
        flat.row(of: chunkID).map(of) ?? outside[chunkID]
    }
}
