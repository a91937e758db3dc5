import IndexStorage
import PostgresStore
import VectorIndex

/// Search of a PostgreSQL index: pgvector's HNSW index (cosine) finds the nearest chunks in the
/// database, with a filter's files pushed into the query (`PostgresStore.nearestChunks`). The
/// rows fetched for them are what `IVFSearch` rescores from its probed lists: the candidates,
/// their files' opening chunks, and every row of the files whose openings are most like the
/// query (`IVFSearch.widenedFiles`, at most `widenedRowsPerCandidate` rows per candidate),
/// those files asked of the HNSW index too (the `policy.candidates` nearest opening chunks),
/// not only the candidates'. They
/// are ranked as a search of every row ranks them (similarity adjusted for each row's file,
/// `FileRuns` with each file's whole chunk count), so fusion and file-aware ranking are the same
/// as on SQLite.
struct NearestChunkSearch: SemanticIndex {
    let generation: Int64
    let dimension: Int

    /// Sections are not read from a PostgreSQL index: a policy that weighs them weighs whole files.
    var knowsSections: Bool { false }

    init(store: PostgresStore) throws {
        generation = try store.generation()
        dimension = try store.dimension() ?? 0
    }

    func scan(
        _ query: [Float], limit: Int, allowed: Set<Int64>?, policy: QueryPolicy, store: any IndexBackend, blocks: Int
    ) throws -> ScannedVectors {
        let store = Self.postgres(store)
        let found = try store.nearestChunks(to: query, limit: limit, fileIDs: allowed)
        // The files that open nearest the query, as many as fusion ranks, are weighed too (their
        // openings' rows are fetched), and the nearest of them lend all their rows, wherever
        // their chunks rank: a scan of every row weighs a row by its file's opening.
        let opening = try store.nearestChunks(to: query, limit: policy.candidates, fileIDs: allowed, openings: true)
        let files = try store.fileOpenings(Array(Set((found + opening).map(\.fileID))))
        let openings = try store.similarities(ofChunks: files.values.map(\.opening), to: query)
        var budget = IVFSearch.widenedRowsPerCandidate * limit
        var lending: [Int64] = []
        let byOpening = files.sorted { (openings[$0.value.opening] ?? -1) > (openings[$1.value.opening] ?? -1) }
        for (fileID, file) in byOpening.prefix(IVFSearch.widenedFiles) where file.chunks <= budget {
            lending.append(fileID)
            budget -= file.chunks
        }
        let rows = try store.vectorRows(
            ofChunks: found.map(\.chunkID) + files.values.map(\.opening), wholeFiles: lending)
        let snapshot = try VectorSnapshot.build(count: rows.count, dimension: dimension, generation: generation) {
            chunkIDs, fileIDs, matrix in
            for (row, stored) in rows.enumerated() where stored.vector.count == dimension {
                chunkIDs[row] = stored.chunkID
                fileIDs[row] = stored.fileID
                for (column, value) in stored.vector.enumerated() { matrix[row * dimension + column] = value }
            }
            return rows.count
        }
        return .scanningEveryRow(
            FlatIndex(snapshot: snapshot), runs: FileRuns(snapshot: snapshot, chunkCounts: files.mapValues(\.chunks)),
            query: query, limit: limit, allow: allowed.map(\.allows), policy: policy)
    }

    /// Keyword matches outside the fetched rows get their similarity from the database, so that
    /// the relevance floor judges them as a search of every row would.
    func similarities(ofChunks chunkIDs: [Int64], query: [Float], store: any IndexBackend) throws -> [Int64: Float] {
        try Self.postgres(store).similarities(ofChunks: chunkIDs, to: query).mapValues { Float($0) }
    }

    private static func postgres(_ store: any IndexBackend) -> PostgresStore {
        guard let store = store as? PostgresStore else {
            preconditionFailure("a PostgreSQL index's search is given another backend's store")
        }
        return store
    }
}
