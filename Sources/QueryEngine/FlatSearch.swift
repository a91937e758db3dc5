import IndexStorage
import VectorIndex
import VectorStore

/// Exact search over every row: the int8 scan of all rows, adjusted by file, picks the
/// candidates.
struct FlatSearch: SemanticIndex {
    let flat: FlatIndex
    let runs: FileRuns

    /// The search of `flat`'s rows; `sectionStarts`, the chunks that open a section inside their
    /// file, when sections are to be weighed (`IndexStore.sectionStarts`).
    init(flat: FlatIndex, sectionStarts: Set<Int64>? = nil) {
        self.flat = flat
        runs = FileRuns(
            snapshot: flat.snapshot, sections: sectionStarts.map { SectionRuns(snapshot: flat.snapshot, starts: $0) })
    }

    var generation: Int64 { flat.snapshot.generation }

    var knowsSections: Bool { runs.sections != nil }

    func scan(
        _ query: [Float], limit: Int, allowed: Set<Int64>?, policy: QueryPolicy, store: any IndexBackend, blocks: Int
    ) throws -> ScannedVectors {
        let allow = allowed.map(\.allows)
        let candidates = SplitScan(flat: flat, runs: runs, blockCount: blocks).candidates(
            query, limit: limit, allow: allow, weights: FileWeights(policy))
        return ScannedVectors(flat: flat, runs: runs, candidates: candidates)
    }
}
