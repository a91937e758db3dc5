import VectorStore

/// Exact similarities of the query with rows, each computed once, when first asked for.
final class ExactSimilarities {
    let flat: FlatIndex
    let query: [Float]
    private var known: [Int: Float] = [:]

    init(flat: FlatIndex, query: [Float]) {
        self.flat = flat
        self.query = query
    }

    func of(_ row: Int) -> Float {
        if let value = known[row] { return value }
        let value = flat.exactScore(query, row: row)
        known[row] = value
        return value
    }
}
