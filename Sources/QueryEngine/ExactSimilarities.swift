import VectorIndex

/// Exact similarities of the query with rows, each computed once, when first asked for.
final class ExactSimilarities {
    let flat: FlatIndex
    let query: [Float]
    private let known = Memo<Int, Float>()

    init(flat: FlatIndex, query: [Float]) {
        self.flat = flat
        self.query = query
    }

    func of(_ row: Int) -> Float {
        known.value(for: row) { flat.exactScore(query, row: row) }
    }
}
