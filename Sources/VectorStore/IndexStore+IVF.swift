import SemfindCore
import VectorIndex

extension IndexStore {
    /// The index's kind and, for IVF, its lists, probes and measured recall.
    public func vectorIndexInfo() throws -> VectorIndexInfo {
        try meta().vectorIndex
    }

    /// Candidates the int8 scan keeps when `chooseProbes` measures recall (as `semfind bench
    /// search` does; a search keeps more, so it finds at least what was measured).
    static let probeChoiceCandidates = 100

    /// Brings the vector index in line with the corpus after writing (the end of `semfind index`,
    /// a watcher's snapshot rewrite): trains IVF lists when the plan says so (`VectorIndexInfo.plan`),
    /// drops them when the index became small, and rewrites the vector snapshot when it is
    /// missing or older than the database. Returns what it did. Without `mayTrain` (a run that
    /// was interrupted), training waits for the next run and only the snapshot is rewritten.
    ///
    /// Training is crash-safe: the lists, centroids and metadata are written in one transaction
    /// (a kill before it commits leaves the index as it was), and the snapshot after it.
    @discardableResult
    public func refreshVectorIndex(
        threshold: Int = VectorIndexInfo.ivfThreshold(), retrain: Bool = false, mayTrain: Bool = true
    ) throws -> VectorIndexInfo.Plan {
        let dimension = try vectorDimension()
        guard dimension > 0 else { return .keep }
        let rows = Int(try database.integer("SELECT count(*) FROM vectors"))
        var plan = try vectorIndexInfo().plan(rows: rows, threshold: threshold, retrain: retrain)
        if plan == .train && !mayTrain { plan = .keep }
        switch plan {
        case .train:
            try trainLists(dimension: dimension)
        case .becomeFlat:
            try dropLists()
            try writeSnapshotFile(dimension: dimension)
        case .keep:
            // Also rewritten: a snapshot changed since it was written, and one with no stamp.
            guard try writtenSnapshot() == nil || meta().snapshotStamp == nil else { break }
            try writeSnapshotFile(dimension: dimension)
        }
        return plan
    }

    /// Makes the index flat again: no lists, no centroids, no IVF figures.
    private func dropLists() throws {
        try database.transaction {
            try database.execute(
                """
                DELETE FROM vector_lists; DELETE FROM centroids;
                DELETE FROM meta WHERE key LIKE 'ivf\\_%' ESCAPE '\\';
                UPDATE meta SET value = 'flat' WHERE key = 'index_kind'
                """)
            try advanceGeneration()
        }
    }

    /// The centroids new vectors are filed under, or nil when the index is flat; read once per
    /// training (a writer keeps them while the training they came from stands). Centroids that
    /// are not one vector of the index's dimension per list are refused.
    func listCentroids() throws -> [Float]? {
        let meta = try meta()
        guard let trained = meta[.ivfTrainedGeneration], meta[.indexKind] == VectorIndexInfo.Kind.ivf.rawValue else {
            cachedCentroids = nil
            return nil
        }
        if let cached = cachedCentroids, cached.training == trained { return cached.centroids }
        let dimension = meta.dimension ?? 0
        let lists = meta.vectorIndex.lists ?? 0
        let statement = try database.prepare("SELECT list, vector FROM centroids ORDER BY list")
        var centroids: [Float] = []
        var next = 0
        while try statement.step() {
            guard statement.int(0) == next, statement.blob(1).count == 4 * dimension else { break }
            centroids += VectorCodec.decode(statement.blob(1), dimension: dimension) ?? []
            next += 1
        }
        guard dimension > 0, lists > 0, next == lists, centroids.count == lists * dimension else {
            throw SemfindError(
                .invalidInput,
                "index \(path) has malformed IVF centroids; rebuild its lists with semfind index --reindex-vectors")
        }
        cachedCentroids = (trained, centroids)
        return centroids
    }

    /// Files freshly written vectors (with their chunk ids) under their nearest lists, when the
    /// index is IVF. Runs inside the caller's transaction.
    func fileUnderLists(chunkIDs: [Int64], vectors: [[Float]]) throws {
        guard !chunkIDs.isEmpty, let centroids = try listCentroids(), let dimension = vectors.first?.count,
            dimension > 0
        else { return }
        let labels = IVFIndex.nearestCentroids(of: vectors.flatMap { $0 }, centroids: centroids, dimension: dimension)
        let insert = try database.cachedStatement("INSERT INTO vector_lists(chunk_id, list) VALUES (?, ?)")
        for (chunkID, label) in zip(chunkIDs, labels) {
            try insert.bind(.integer(chunkID), .integer(Int64(label))).run()
        }
    }
}
