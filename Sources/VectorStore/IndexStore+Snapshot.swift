import SemfindCore
import VectorIndex

extension IndexStore {
    /// Advanced by every change of the stored vectors.
    public func generation() throws -> Int64 {
        try meta().generation
    }

    /// The vector snapshot beside the index, mapped and read in, when it is of the database's
    /// generation and is the file the last writer wrote (`writtenSnapshot`).
    public func currentSnapshot() throws -> VectorSnapshot? {
        try writtenSnapshot()?.readIn()
    }

    /// The snapshot of the database's generation, mapped but not read in, when its size and
    /// time are the ones recorded when it was written: a snapshot changed since (a corrupted
    /// body under a valid header, a file put in its place) is not believed. One written by a
    /// semfind that recorded no stamp is believed; `semfind index` rewrites it.
    func writtenSnapshot() throws -> VectorSnapshot? {
        let meta = try meta()
        guard let snapshot = snapshotOfThisGeneration(meta), isAsWritten(snapshot, meta) else { return nil }
        return snapshot
    }

    /// The snapshot of the generation `meta` records, whatever its stamp, mapped but not read in.
    func snapshotOfThisGeneration(_ meta: IndexMeta) -> VectorSnapshot? {
        VectorSnapshot.current(indexPath: path, generation: meta.generation, dimension: meta.dimension ?? 0)
    }

    /// The dimension of the index's vectors (0 before a model is bound to it).
    func vectorDimension() throws -> Int {
        try meta().dimension ?? 0
    }

    /// Whether `snapshot`'s file has the size and time `meta` records for the snapshot last
    /// written (true when none was recorded).
    func isAsWritten(_ snapshot: VectorSnapshot, _ meta: IndexMeta) -> Bool {
        guard let stamp = meta.snapshotStamp else { return true }
        return snapshot.fileStatus.map(VectorSnapshot.stamp) == stamp
    }

    /// Records the size and time of the snapshot file just written (the writer lock is held,
    /// so it is the file this writer wrote).
    func recordSnapshotStamp() throws {
        guard case .success(let status) = FileStatus.ofTarget(VectorSnapshot.snapshotPath(indexPath: path)) else {
            return
        }
        try setMeta(.snapshotStamp, VectorSnapshot.stamp(status))
    }

    /// What a search says when the snapshot of the current generation is not the file that was
    /// written and no writer is at work (a writer's rewrite is a moment when they differ).
    public func distrustedSnapshotNotice() throws -> String? {
        let meta = try meta()
        guard let snapshot = snapshotOfThisGeneration(meta), !isAsWritten(snapshot, meta),
            !WriterLock.isHeld(indexPath: path)
        else { return nil }
        let file = VectorSnapshot.snapshotPath(indexPath: path)
        return "\(file) changed since semfind wrote it; searched the stored vectors instead (slower): "
            + "semfind index writes it again"
    }

    /// Every vector with its chunk and file id, read in one transaction: in list order with the
    /// lists' layout when the index is IVF, in chunk id order otherwise.
    ///
    /// An IVF index's rows are read in chunk id order too (one sequential pass over the vector
    /// table; reading them list by list would seek for every row) and ordered by list in memory.
    /// A row without a list, which the writers never leave, is placed under its nearest centroid.
    func readSnapshot(dimension: Int) throws -> VectorSnapshot {
        try database.readTransaction {
            let flat = try readRowsInChunkOrder(dimension: dimension)
            guard try vectorIndexInfo().kind == .ivf, let centroids = try listCentroids() else { return flat }
            let listCount = centroids.count / dimension
            var labels = [Int32](repeating: -1, count: flat.count)
            let members = try database.prepare("SELECT chunk_id, list FROM vector_lists ORDER BY chunk_id")
            var row = 0
            while try members.step() {
                let chunkID = members.int64(0)
                while row < flat.count, flat.chunkIDs[row] < chunkID { row += 1 }
                guard row < flat.count, flat.chunkIDs[row] == chunkID else { continue }
                let list = members.int(1)
                guard list >= 0, list < listCount else {
                    throw unknownList(list, of: listCount)
                }
                labels[row] = Int32(list)
            }
            let unlisted = labels.indices.filter { labels[$0] < 0 }
            if !unlisted.isEmpty {
                let vectors = unlisted.flatMap { flat.vector(ofRow: $0) }
                let nearest = IVFIndex.nearestCentroids(of: vectors, centroids: centroids, dimension: dimension)
                for (row, list) in zip(unlisted, nearest) { labels[row] = list }
            }
            return try IVFIndex.listOrdered(flat, labels: labels, centroids: centroids, generation: flat.generation)
        }
    }

    private func readRowsInChunkOrder(dimension: Int) throws -> VectorSnapshot {
        let join = "FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id"
        return try readRows(
            "\(join) ORDER BY vectors.chunk_id", count: Int(try database.integer("SELECT count(*) \(join)")),
            dimension: dimension)
    }

    /// The `count` rows that `from` (a FROM clause with joins and order, over `vectors` and
    /// `chunks`) selects, as a snapshot of the current generation.
    func readRows(
        _ from: String, count: Int, dimension: Int, bindings: [SQLiteValue] = []
    ) throws -> VectorSnapshot {
        let rows = try database.prepare("SELECT vectors.chunk_id, chunks.file_id, vectors.vector \(from)")
            .bind(bindings)
        let meta = try meta()
        return try VectorSnapshot.assemble(
            count: count, dimension: dimension, generation: meta.generation, nextChunkID: try nextChunkID(meta),
            precision: try vectorPrecision(meta)
        ) { writer in
            var row = 0
            while row < count, try rows.step() {
                guard writer.set(row, chunkID: rows.int64(0), fileID: rows.int64(1), stored: rows.blob(2)) else {
                    throw malformedVector(bytes: rows.blob(2).count, dimension: dimension)
                }
                row += 1
            }
            return row
        }
    }

    /// The error for a stored vector whose length is no form of `dimension` values.
    func malformedVector(bytes: Int, dimension: Int) -> SemfindError {
        SemfindError(
            .invalidInput,
            "index \(path) has a vector of \(bytes) bytes, not one of \(dimension) values; rebuild it with semfind index --rebuild FOLDER"
        )
    }

    /// The error for a vector filed under a list the index does not have.
    func unknownList(_ list: Int, of listCount: Int) -> SemfindError {
        SemfindError(
            .invalidInput,
            "index \(path) files a vector under list \(list) of \(listCount); rebuild its lists with semfind index --reindex-vectors"
        )
    }
}
