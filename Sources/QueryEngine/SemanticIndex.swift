import IndexStorage
import PostgresStore
import VectorIndex
import VectorStore

/// The stored vectors as a semantic search sees them, whichever kind of index holds them
/// (`FlatSearch`, `IVFSearch`, or `StaleListSearch` while an IVF index's snapshot is being
/// rewritten): given a query vector, the rows worth rescoring exactly.
protocol SemanticIndex: Sendable {
    /// The generation of the index that the vectors are of.
    var generation: Int64 { get }
    /// Whether rows know their sections, as a policy that weighs sections needs
    /// (`QueryPolicy.weighsSections`); an index loaded without them weighs whole files.
    var knowsSections: Bool { get }

    /// Up to `limit` candidate rows for `query` among the rows of the files `allowed` (all when
    /// nil). A filter never shortens the list while allowed rows remain unscanned: an
    /// approximate index scans every allowed row when its probes find too few. `store` is the
    /// caller's connection, for an index that reads rows on demand; `blocks`, how many parts a
    /// scan of every row may be split into across the cores (`SplitScan`).
    func scan(
        _ query: [Float], limit: Int, allowed: Set<Int64>?, policy: QueryPolicy, store: any IndexBackend, blocks: Int
    ) throws -> ScannedVectors

    /// The similarities with `query` of chunks that a scan's rows may not hold (keyword
    /// matches), for an index whose scans fetch only some rows; empty when every row is held.
    func similarities(ofChunks chunkIDs: [Int64], query: [Float], store: any IndexBackend) throws -> [Int64: Float]
}

extension SemanticIndex {
    func similarities(ofChunks chunkIDs: [Int64], query: [Float], store: any IndexBackend) throws -> [Int64: Float] {
        [:]
    }
}

extension Set<Int64> {
    /// The files a filter lets through, as the scans of rows ask about them.
    var allows: @Sendable (Int64) -> Bool { { contains($0) } }
}

/// What a scan found: candidate rows, and the rows they are rows of (for exact similarities,
/// chunk lookups and each row's file).
struct ScannedVectors {
    let flat: FlatIndex
    let runs: any FileWeighing
    let candidates: [(row: Int, chunkID: Int64, fileID: Int64, score: Float)]
    /// The exact similarities the scan already computed (an IVF search ranks its candidates by
    /// them), for the rescoring to reuse; nil when it computed none.
    var exact: ExactSimilarities? = nil

    /// Every row of `flat` scored with the int8 scan, each score adjusted by its file as
    /// `policy` says, and the `limit` best allowed rows kept: a search of every row.
    static func scanningEveryRow(
        _ flat: FlatIndex, runs: FileRuns, query: [Float], limit: Int, allow: (@Sendable (Int64) -> Bool)?,
        policy: QueryPolicy
    ) -> ScannedVectors {
        let rough = runs.adjusted(flat.approximateScores(query), weights: FileWeights(policy))
        return ScannedVectors(flat: flat, runs: runs, candidates: flat.best(rough, limit: limit, allow: allow))
    }
}

/// Loads the vectors of an index as the kind of index it is.
enum SemanticIndexLoader {
    /// A PostgreSQL index's search in the database (`NearestChunkSearch`), or a SQLite index's
    /// vectors as `load(store:sections:)` below reads them.
    static func load(backend: any IndexBackend, sections: Bool = false) throws -> any SemanticIndex {
        if let postgres = backend as? PostgresStore { return try NearestChunkSearch(store: postgres) }
        guard let sqlite = backend as? IndexStore else { preconditionFailure("an index of an unknown backend") }
        return try load(store: sqlite, sections: sections)
    }

    /// The current snapshot when there is one (IVF or flat as it was written); otherwise, for an
    /// IVF index, its centroids (rows are read per query, only the probed lists'); for a flat
    /// one, every row from the database.
    ///
    /// A snapshot that changed since it was written is not used: the vectors are read from the
    /// database as if it were missing, and the index says so (`DistrustedSnapshotSearch`).
    ///
    /// With `sections`, the rows of a snapshot also learn their sections from the catalog (one
    /// pass over the chunks' heading paths); an index read from the database weighs whole files.
    static func load(store: IndexStore, sections: Bool = false) throws -> any SemanticIndex {
        if let snapshot = try store.currentSnapshot() {
            let starts = sections ? try store.sectionStarts() : nil
            if let ivf = IVFIndex(snapshot: snapshot) {
                return IVFSearch(
                    ivf: ivf, probes: try store.vectorIndexInfo().probes ?? ivf.listCount,
                    sections: starts.map { SectionRuns(snapshot: snapshot, starts: $0) })
            }
            return FlatSearch(flat: FlatIndex(snapshot: snapshot), sectionStarts: starts)
        }
        let fromDatabase: any SemanticIndex =
            if let lists = try store.storedLists() {
                StaleListSearch(lists: lists)
            } else {
                FlatSearch(flat: try FlatIndex(store: store))
            }
        guard let notice = try store.distrustedSnapshotNotice() else { return fromDatabase }
        return DistrustedSnapshotSearch(fromDatabase: fromDatabase, notice: notice)
    }
}

/// The stored vectors read from the database because the snapshot beside them changed since it
/// was written, with the warning a search shows for it.
struct DistrustedSnapshotSearch: SemanticIndex {
    let fromDatabase: any SemanticIndex
    let notice: String

    var generation: Int64 { fromDatabase.generation }

    var knowsSections: Bool { fromDatabase.knowsSections }

    func scan(
        _ query: [Float], limit: Int, allowed: Set<Int64>?, policy: QueryPolicy, store: any IndexBackend, blocks: Int
    ) throws -> ScannedVectors {
        try fromDatabase.scan(query, limit: limit, allowed: allowed, policy: policy, store: store, blocks: blocks)
    }
}
