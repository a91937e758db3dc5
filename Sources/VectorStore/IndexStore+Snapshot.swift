import SemfindCore

extension IndexStore {
    /// Advanced by every change of the stored vectors.
    public func generation() throws -> Int64 {
        Int64(try meta("generation") ?? "") ?? 0
    }

    /// The vector snapshot beside the index, mapped, when it is of the database's generation.
    public func currentSnapshot() throws -> VectorSnapshot? {
        let dimension = Int(try meta("dimension") ?? "") ?? 0
        return VectorSnapshot.mapped(indexPath: path, generation: try generation(), dimension: dimension)
    }

    /// Every vector with its chunk and file id, read in one transaction: in list order with the
    /// lists' layout when the index is IVF, in chunk id order otherwise.
    func readSnapshot(dimension: Int) throws -> VectorSnapshot {
        try database.readTransaction {
            guard try vectorIndexInfo().kind == .ivf else { return try readRowsInChunkOrder(dimension: dimension) }
            let centroids = try listCentroids() ?? []
            let listCount = centroids.count / dimension
            var starts = [Int](repeating: 0, count: listCount + 1)
            let sizes = try database.prepare("SELECT list, count(*) FROM vector_lists GROUP BY list")
            while try sizes.step() {
                let list = sizes.int(0)
                guard list >= 0, list < listCount else {
                    throw SemfindError(
                        .invalidInput,
                        "index \(path) files a vector under list \(list) of \(listCount); rebuild its lists with semfind index --reindex-vectors"
                    )
                }
                starts[list + 1] = sizes.int(1)
            }
            for list in 0..<listCount { starts[list + 1] += starts[list] }
            return try readRows(
                """
                FROM vector_lists JOIN vectors ON vectors.chunk_id = vector_lists.chunk_id
                JOIN chunks ON chunks.id = vectors.chunk_id ORDER BY vector_lists.list, vector_lists.chunk_id
                """, count: starts[listCount], dimension: dimension,
                lists: VectorSnapshot.ListLayout(starts: starts, centroids: centroids))
        }
    }

    /// Every vector with its chunk and file id, in chunk id order, read in one transaction.
    func readFlatSnapshot(dimension: Int) throws -> VectorSnapshot {
        try database.readTransaction { try readRowsInChunkOrder(dimension: dimension) }
    }

    private func readRowsInChunkOrder(dimension: Int) throws -> VectorSnapshot {
        let join = "FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id"
        return try readRows(
            "\(join) ORDER BY vectors.chunk_id", count: Int(try database.integer("SELECT count(*) \(join)")),
            dimension: dimension, lists: nil)
    }

    /// The `count` rows that `from` (a FROM clause with joins and order, over `vectors` and
    /// `chunks`) selects, as a snapshot of the current generation.
    func readRows(
        _ from: String, count: Int, dimension: Int, lists: VectorSnapshot.ListLayout?, bindings: [SQLiteValue] = []
    ) throws -> VectorSnapshot {
        let rows = try database.prepare("SELECT vectors.chunk_id, chunks.file_id, vectors.vector \(from)")
            .bind(bindings)
        let rowBytes = dimension * MemoryLayout<Float>.stride
        return try VectorSnapshot.build(count: count, dimension: dimension, generation: try generation(), lists: lists)
        {
            chunkIDs, fileIDs, matrix in
            var row = 0
            while row < count, try rows.step() {
                let blob = rows.blob(2)
                guard blob.count == rowBytes, let source = blob.baseAddress, let target = matrix.baseAddress else {
                    throw SemfindError(
                        .invalidInput,
                        "index \(path) has a vector of \(blob.count) bytes, expected \(rowBytes); rebuild it with semfind index --rebuild FOLDER"
                    )
                }
                chunkIDs[row] = rows.int64(0)
                fileIDs[row] = rows.int64(1)
                UnsafeMutableRawPointer(target + row * dimension).copyMemory(from: source, byteCount: rowBytes)
                row += 1
            }
            return row
        }
    }
}
