import SemfindCore

extension IndexStore {
    /// Advanced by every change of the stored vectors.
    public func generation() throws -> Int64 {
        Int64(try meta("generation") ?? "") ?? 0
    }

    /// Every vector with its chunk and file id, in chunk id order, read in one transaction.
    func readSnapshot(dimension: Int) throws -> VectorSnapshot {
        try database.readTransaction {
            let generation = try generation()
            let join = "FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id"
            let total = Int(try database.integer("SELECT count(*) \(join)"))
            let rows = try database.prepare(
                "SELECT vectors.chunk_id, chunks.file_id, vectors.vector \(join) ORDER BY vectors.chunk_id")
            let rowBytes = dimension * MemoryLayout<Float>.stride
            return try VectorSnapshot.build(count: total, dimension: dimension, generation: generation) {
                chunkIDs, fileIDs, matrix in
                var row = 0
                while row < total, try rows.step() {
                    let blob = rows.blob(2)
                    guard blob.count == rowBytes, let source = blob.baseAddress, let target = matrix.baseAddress else {
                        throw SemfindError(
                            .invalidInput,
                            "index \(path) has a vector of \(blob.count) bytes, expected \(rowBytes); rebuild it with semfind index --rebuild FOLDER"
                        )
                    }
                    chunkIDs[row] = rows.int64(0)
                    fileIDs[row] = rows.int64(1)
                    UnsafeMutableRawPointer(target + row * dimension).copyMemory(
                        from: source, byteCount: rowBytes)
                    row += 1
                }
                return row
            }
        }
    }

    /// Rewrites the vector snapshot beside the index when it is missing or older than the
    /// database (after indexing, so that the next query maps it instead of reading every row).
    public func refreshSnapshot() throws {
        let dimension = Int(try meta("dimension") ?? "") ?? 0
        guard dimension > 0,
            VectorSnapshot.mapped(indexPath: path, generation: try generation(), dimension: dimension) == nil
        else { return }
        try readSnapshot(dimension: dimension).write(indexPath: path)
    }
}
