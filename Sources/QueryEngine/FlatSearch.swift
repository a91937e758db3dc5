import VectorStore

/// Exact search over every row: the int8 scan of all rows, adjusted by file, picks the
/// candidates.
struct FlatSearch: SemanticIndex {
    let flat: FlatIndex
    let runs: FileRuns

    init(flat: FlatIndex) {
        self.flat = flat
        runs = FileRuns(snapshot: flat.snapshot)
    }

    var generation: Int64 { flat.snapshot.generation }

    func scan(
        _ query: [Float], limit: Int, allow: ((Int64) -> Bool)?, policy: QueryPolicy, store: IndexStore
    ) throws -> ScannedVectors {
        .scanningEveryRow(flat, runs: runs, query: query, limit: limit, allow: allow, policy: policy)
    }
}
