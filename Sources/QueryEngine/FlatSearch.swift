import VectorIndex
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
        _ query: [Float], limit: Int, allow: (@Sendable (Int64) -> Bool)?, policy: QueryPolicy, store: IndexStore,
        blocks: Int
    ) throws -> ScannedVectors {
        let candidates = SplitScan(flat: flat, runs: runs, blockCount: blocks).candidates(
            query, limit: limit, allow: allow, openingWeight: policy.openingWeight, lengthPenalty: policy.lengthPenalty)
        return ScannedVectors(flat: flat, runs: runs, candidates: candidates)
    }
}
