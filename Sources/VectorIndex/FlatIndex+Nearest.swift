extension FlatIndex {
    /// The `k` rows most similar to `query` by exact cosine, best first, found as a semantic
    /// search finds them: the int8 scan of every row keeps `candidates` rows, which are
    /// rescored with the float rows.
    public func nearest(_ query: [Float], k: Int, candidates: Int) -> [(row: Int, score: Float)] {
        var exact = TopScores(capacity: k)
        for candidate in best(approximateScores(query), limit: max(k, candidates)) {
            let score = exactScore(query, row: candidate.row)
            if exact.admits(score) { exact.insert(candidate.row, score) }
        }
        return exact.ranked
    }
}
