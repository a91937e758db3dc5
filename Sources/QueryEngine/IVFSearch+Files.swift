import VectorIndex

extension IVFSearch {
    /// How many files, those whose opening chunks are most like the query, lend all their rows
    /// to the candidates, and how many rows at most they lend together.
    static let widenedFiles = 32
    static let widenedRowsPerCandidate = 8

    /// The candidates of a search of every row, approximated from the probed lists' best rows
    /// by similarity (`raw`). A search of every row ranks its candidates by similarity adjusted
    /// for each row's file (`FileWeighing`: a share of the similarity of the file's opening chunk
    /// is added), so a row of modest similarity in a file that opens on the query's subject can be
    /// among them while it is not among `raw`. Such files' openings are among `raw` (they are
    /// like the query), so the files of `raw` whose openings are most like the query lend all
    /// their rows, and every row is ranked as the search of every row ranks it.
    func widened(
        _ raw: [(row: Int, score: Float)], files: SnapshotFiles, exact: ExactSimilarities, limit: Int,
        allow: (@Sendable (Int64) -> Bool)?, policy: QueryPolicy
    ) -> [(row: Int, score: Float)] {
        let snapshot = ivf.snapshot
        var openings: [Int: Float] = [:]
        for candidate in raw {
            let opening = files.file(ofRow: candidate.row).openingRow
            if openings[opening] == nil { openings[opening] = exact.of(opening) }
        }
        var rows = Set(raw.map(\.row))
        var budget = Self.widenedRowsPerCandidate * limit
        for (opening, _) in openings.sorted(by: { $0.value > $1.value }).prefix(Self.widenedFiles) {
            let fileRows = snapshot.rowsOfFile(holding: opening)
            guard fileRows.count <= budget else { continue }
            if let allow, !allow(snapshot.fileIDs[opening]) { continue }
            rows.formUnion(fileRows)
            budget -= fileRows.count
        }
        var best = RankedRows(capacity: limit)
        for row in rows.sorted() {
            let score = files.adjusted(row: row, similarity: exact.of, weights: FileWeights(policy))
            best.insert(row, score)
        }
        return best.ranked
    }
}
