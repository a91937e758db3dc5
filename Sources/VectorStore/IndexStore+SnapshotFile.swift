import SemfindCore
import VectorIndex

extension IndexStore {
    /// Writes the vector snapshot beside the index in one read transaction: patched from the
    /// previous snapshot when it can serve (`patchSnapshotFile`), otherwise straight from the
    /// database, row by row: in chunk id order for a flat index, in list order for an IVF one
    /// (each list's rows found through its index). Memory stays at one block of rows (and 8
    /// bytes a row for an IVF index's chunk order) whatever the index's size.
    @discardableResult
    func writeSnapshotFile(dimension: Int) throws -> SnapshotWrite {
        try fileUnlistedVectors(dimension: dimension)
        try settleNextChunkID()
        let written = try writeSnapshotInTransaction(dimension: dimension)
        try recordSnapshotStamp()
        return written
    }

    /// `writeSnapshotFile`'s work inside one read transaction.
    private func writeSnapshotInTransaction(dimension: Int) throws -> SnapshotWrite {
        try database.readTransaction {
            let meta = try meta()
            let generation = meta.generation
            let nextChunkID = try nextChunkID(meta)
            let precision = try vectorPrecision(meta)
            let centroids = meta.vectorIndex.kind == .ivf ? try listCentroids() : nil
            if let patched = try patchSnapshotFile(
                dimension: dimension, generation: generation, nextChunkID: nextChunkID, precision: precision,
                centroids: centroids)
            {
                return patched
            }
            let rows: SQLiteStatement
            let lists: VectorSnapshot.ListLayout?
            let count: Int
            if let centroids {
                let listCount = centroids.count / dimension
                var starts = [Int](repeating: 0, count: listCount + 1)
                let sizes = try database.prepare("SELECT list, count(*) FROM vector_lists GROUP BY list")
                while try sizes.step() {
                    let list = sizes.int(0)
                    guard list >= 0, list < listCount else {
                        throw unknownList(list, of: listCount)
                    }
                    starts[list + 1] = sizes.int(1)
                }
                for list in 0..<listCount { starts[list + 1] += starts[list] }
                lists = VectorSnapshot.ListLayout(starts: starts, centroids: centroids)
                count = starts[listCount]
                rows = try database.prepare(
                    """
                    SELECT vectors.chunk_id, chunks.file_id, vectors.vector FROM vector_lists
                    JOIN vectors ON vectors.chunk_id = vector_lists.chunk_id JOIN chunks ON chunks.id = vectors.chunk_id
                    ORDER BY vector_lists.list, vector_lists.chunk_id
                    """)
            } else {
                let join = "FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id"
                lists = nil
                count = Int(try database.integer("SELECT count(*) \(join)"))
                rows = try database.prepare(
                    "SELECT vectors.chunk_id, chunks.file_id, vectors.vector \(join) ORDER BY vectors.chunk_id")
            }
            let writer = try SnapshotFileWriter(
                indexPath: path, count: count, dimension: dimension, generation: generation,
                nextChunkID: nextChunkID, precision: precision, lists: lists)
            while try rows.step() {
                guard try writer.append(chunkID: rows.int64(0), fileID: rows.int64(1), stored: rows.blob(2)) else {
                    throw malformedVector(bytes: rows.blob(2).count, dimension: dimension)
                }
            }
            try writer.finish()
            return .rewritten(rows: count)
        }
    }

    /// Files under their nearest lists the vectors of an IVF index that have none (the writers
    /// never leave one; an index changed by hand might), in one transaction.
    private func fileUnlistedVectors(dimension: Int) throws {
        guard try vectorIndexInfo().kind == .ivf, try listCentroids() != nil else { return }
        let unlisted = try database.prepare(
            """
            SELECT vectors.chunk_id, vectors.vector FROM vectors
            LEFT JOIN vector_lists ON vector_lists.chunk_id = vectors.chunk_id WHERE vector_lists.chunk_id IS NULL
            """)
        var chunkIDs: [Int64] = []
        var vectors: [[Float]] = []
        while try unlisted.step() {
            guard let vector = VectorCodec.decode(unlisted.blob(1), dimension: dimension) else { continue }
            chunkIDs.append(unlisted.int64(0))
            vectors.append(vector)
        }
        guard !chunkIDs.isEmpty else { return }
        try database.transaction {
            try fileUnderLists(chunkIDs: chunkIDs, vectors: vectors)
            try advanceGeneration()
        }
    }
}
