import IndexStorage
import VectorIndex
import VectorStore

/// Search of an IVF index's snapshot: the int8 scan of the `probes` lists nearest to the query
/// picks the candidates by similarity (their files, looked up per candidate, weigh in when they
/// are rescored). When a filter leaves fewer allowed rows in those lists than the candidates
/// wanted, every allowed row is scanned instead, so a narrow filter still gets its full list.
struct IVFSearch: SemanticIndex {
    let ivf: IVFIndex
    let probes: Int
    let flat: FlatIndex
    /// The snapshot's sections, when they are to be weighed.
    let sections: SectionRuns?

    init(ivf: IVFIndex, probes: Int, sections: SectionRuns? = nil) {
        self.ivf = ivf
        self.probes = probes
        self.sections = sections
        flat = FlatIndex(snapshot: ivf.snapshot)
    }

    var generation: Int64 { ivf.snapshot.generation }

    var knowsSections: Bool { sections != nil }

    func scan(
        _ query: [Float], limit: Int, allowed: Set<Int64>?, policy: QueryPolicy, store: any IndexBackend, blocks: Int
    ) throws -> ScannedVectors {
        let allow = allowed.map(\.allows)
        let found = ivf.candidates(query, probes: probes, limit: limit, allow: allow)
        let snapshot = ivf.snapshot
        if allow != nil, found.count < limit {
            return .scanningEveryRow(
                flat, runs: FileRuns(snapshot: snapshot, sections: sections), query: query, limit: limit, allow: allow,
                policy: policy)
        }
        let files = SnapshotFiles(snapshot: snapshot, sections: sections)
        let exact = ExactSimilarities(flat: flat, query: query)
        let widened = widened(found, files: files, exact: exact, limit: limit, allow: allow, policy: policy)
        return ScannedVectors(
            flat: flat, runs: files,
            candidates: widened.map { ($0.row, snapshot.chunkIDs[$0.row], snapshot.fileIDs[$0.row], $0.score) },
            exact: exact)
    }
}

/// Search of an IVF index whose snapshot is stale (being rewritten after a change): each query
/// reads from the database only the rows of the lists it probes (and its candidate files'
/// opening chunks), and scans those as a flat index. A filter that leaves too few of them
/// allowed reads every row instead.
struct StaleListSearch: SemanticIndex {
    let lists: IndexStore.StoredLists

    var generation: Int64 { lists.generation }

    var knowsSections: Bool { false }

    func scan(
        _ query: [Float], limit: Int, allowed: Set<Int64>?, policy: QueryPolicy, store: any IndexBackend, blocks: Int
    ) throws -> ScannedVectors {
        let allow = allowed.map(\.allows)
        guard let store = store as? IndexStore else { preconditionFailure("a SQLite index's lists from another store") }
        let read = try store.rows(ofLists: lists.nearestLists(query), dimension: lists.dimension)
        let flat = FlatIndex(snapshot: read.snapshot)
        let scanned = ScannedVectors.scanningEveryRow(
            flat, runs: FileRuns(snapshot: read.snapshot, chunkCounts: read.chunkCounts), query: query, limit: limit,
            allow: allow, policy: policy)
        guard allow != nil, scanned.candidates.count < limit else { return scanned }
        let everyRow = try FlatIndex(store: store)
        return .scanningEveryRow(
            everyRow, runs: FileRuns(snapshot: everyRow.snapshot), query: query, limit: limit, allow: allow,
            policy: policy)
    }
}
