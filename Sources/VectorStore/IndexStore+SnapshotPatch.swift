import SemfindCore
import VectorIndex

extension IndexStore {
    /// The most bytes of new rows read into memory to patch a snapshot. Past it the snapshot is
    /// written again from the database, which costs about as much when that much has changed.
    static let patchBudget = 32 << 20

    /// One row of the snapshot to write: a chunk, its file, its list (IVF), and where its vector
    /// comes from (a row of the previous snapshot, or -1: the database).
    private struct PlannedRow {
        let chunkID: Int64
        let fileID: Int64
        var list: Int32 = 0
        var previousRow: Int32 = -1
    }

    /// Writes the snapshot from the previous one: the rows still in the index copied from its
    /// file (with their files as the database has them now), the rows added since read from the
    /// database. A change of a few files to a large index then costs a pass over the chunk ids
    /// (a covering index) and a copy of the file, instead of reading every vector through SQLite.
    ///
    /// Runs in the caller's read transaction. Returns nil, having written nothing, when the
    /// previous snapshot cannot serve: there is none, it changed since it was written, it is of another precision or another
    /// training, it predates recorded chunk ids, it lacks a row it should hold or files a row
    /// under another list, a sample of the rows it would keep do not hold the vectors the
    /// database stores (a snapshot left beside a database put in this one's place), or the new
    /// rows' vectors would pass `patchBudget`. Chunk ids are never
    /// given out twice (`nextChunkID`), so a row of the previous snapshot whose id is still in
    /// the index holds that chunk's vector as stored.
    func patchSnapshotFile(
        dimension: Int, generation: Int64, nextChunkID: Int64, precision: VectorPrecision, centroids: [Float]?
    ) throws -> SnapshotWrite? {
        guard let previous = VectorSnapshot.existing(indexPath: path, dimension: dimension),
            isAsWritten(previous, try meta()), previous.precision == precision, previous.nextChunkID > 0,
            previous.nextChunkID <= nextChunkID,
            Self.sameLists(previous.lists, centroids)
        else { return nil }
        let listCount = centroids.map { $0.count / dimension } ?? 0
        var rows = try plannedRows(listCount: listCount)
        guard let kept = Self.matchPrevious(previous, to: &rows),
            try keptRowsMatch(previous, rows: rows, dimension: dimension)
        else { return nil }
        let added = rows.indices.filter { rows[$0].previousRow < 0 }
        guard added.count * precision.storedBytes(dimension: dimension) <= Self.patchBudget else { return nil }
        var vectors: [Int64: [UInt8]] = [:]
        let select = try database.prepare("SELECT vector FROM vectors WHERE chunk_id = ?")
        for index in added {
            try select.bind(.integer(rows[index].chunkID))
            if try select.step() { vectors[rows[index].chunkID] = Array(select.blob(0)) }
        }
        rows.removeAll { $0.previousRow < 0 && vectors[$0.chunkID] == nil }
        let lists = centroids.map { Self.listOrder(&rows, centroids: $0, listCount: listCount) }
        let writer = try SnapshotFileWriter(
            indexPath: path, count: rows.count, dimension: dimension, generation: generation,
            nextChunkID: nextChunkID, precision: precision, lists: lists)
        var released = 0
        for row in rows {
            if row.previousRow >= 0 {
                let source = Int(row.previousRow)
                try writer.append(copyOf: source, in: previous, fileID: row.fileID)
                if source - released >= 4096 {
                    previous.releasePages(ofRows: released..<source)
                    released = source
                }
            } else if let stored = vectors[row.chunkID] {
                guard
                    try stored.withUnsafeBytes({
                        try writer.append(chunkID: row.chunkID, fileID: row.fileID, stored: $0)
                    })
                else { throw malformedVector(bytes: stored.count, dimension: dimension) }
            }
        }
        try writer.finish()
        return .patched(kept: kept, added: vectors.count, removed: previous.count - kept)
    }

    /// How many of the kept rows `keptRowsMatch` compares with the database.
    static let patchChecks = 64

    /// Whether up to `patchChecks` kept rows, spread over the index, hold what the database
    /// stores for their chunks.
    private func keptRowsMatch(_ previous: VectorSnapshot, rows: [PlannedRow], dimension: Int) throws -> Bool {
        let select = try database.prepare("SELECT vector FROM vectors WHERE chunk_id = ?")
        for index in stride(from: 0, to: rows.count, by: max(1, rows.count / Self.patchChecks))
        where rows[index].previousRow >= 0 {
            try select.bind(.integer(rows[index].chunkID))
            guard try select.step(), let stored = VectorCodec.decode(select.blob(0), dimension: dimension),
                stored == previous.vector(ofRow: Int(rows[index].previousRow))
            else { return false }
        }
        return true
    }

    /// Whether a snapshot's lists are `centroids`' (both absent for a flat index).
    private static func sameLists(_ lists: VectorSnapshot.Lists?, _ centroids: [Float]?) -> Bool {
        switch (lists, centroids) {
        case (nil, nil): true
        case (let lists?, let centroids?): lists.centroids.elementsEqual(centroids)
        default: false
        }
    }

    /// Every chunk of the index that has its vector, in chunk id order with its file (and, for
    /// an IVF index, its list: a chunk without one is left out, as the full snapshot leaves it out).
    private func plannedRows(listCount: Int) throws -> [PlannedRow] {
        var waiting = Set<Int64>()
        let unembedded = try database.prepare("SELECT chunk_id FROM unembedded_chunks")
        while try unembedded.step() { waiting.insert(unembedded.int64(0)) }
        var rows: [PlannedRow] = []
        let chunks = try database.prepare("SELECT id, file_id FROM chunks")  // the covering index chunks_file
        while try chunks.step() {
            let chunkID = chunks.int64(0)
            if !waiting.contains(chunkID) { rows.append(PlannedRow(chunkID: chunkID, fileID: chunks.int64(1))) }
        }
        rows.sort { $0.chunkID < $1.chunkID }
        guard listCount > 0 else { return rows }
        var listed = [Bool](repeating: false, count: rows.count)
        let members = try database.prepare("SELECT chunk_id, list FROM vector_lists ORDER BY chunk_id")
        var index = 0
        while try members.step() {
            let chunkID = members.int64(0)
            while index < rows.count, rows[index].chunkID < chunkID { index += 1 }
            guard index < rows.count, rows[index].chunkID == chunkID else { continue }
            let list = members.int(1)
            guard list >= 0, list < listCount else { throw unknownList(list, of: listCount) }
            rows[index].list = Int32(list)
            listed[index] = true
        }
        return rows.indices.filter { listed[$0] }.map { rows[$0] }
    }

    /// Sets each row's place in `previous` when it has one, and returns how many do; nil when a
    /// row given out before `previous` was written is missing from it, or is under another list.
    private static func matchPrevious(_ previous: VectorSnapshot, to rows: inout [PlannedRow]) -> Int? {
        var position = 0
        var kept = 0
        for index in rows.indices where rows[index].chunkID < previous.nextChunkID {
            let chunkID = rows[index].chunkID
            while position < previous.count, previous.chunkIDs[previous.row(atPosition: position)] < chunkID {
                position += 1
            }
            guard position < previous.count else { return nil }
            let row = previous.row(atPosition: position)
            guard previous.chunkIDs[row] == chunkID,
                previous.lists.map({ $0.list(ofRow: row) }) ?? 0 == Int(rows[index].list)
            else { return nil }
            rows[index].previousRow = Int32(row)
            kept += 1
        }
        return kept
    }

    /// Orders `rows` (in chunk id order) by list, keeping chunk id order within each list, and
    /// returns the lists' layout.
    private static func listOrder(
        _ rows: inout [PlannedRow], centroids: [Float], listCount: Int
    ) -> VectorSnapshot.ListLayout {
        let (starts, order) = IVFIndex.listOrder(labels: rows.map(\.list), listCount: listCount)
        rows = order.map { rows[$0] }
        return VectorSnapshot.ListLayout(starts: starts, centroids: centroids)
    }
}
