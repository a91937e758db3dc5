import VectorIndex

extension IndexStore {
    /// What a query on an IVF index reads from the database when the vector snapshot is stale:
    /// the centroids (to pick lists) and the probes setting.
    public struct StoredLists: Sendable {
        public let centroids: [Float]
        public let dimension: Int
        public let probes: Int
        public let generation: Int64

        /// The `probes` lists nearest to `query`, nearest first.
        public func nearestLists(_ query: [Float]) -> [Int] {
            centroids.withUnsafeBufferPointer {
                IVFIndex.nearestLists(query, centroids: $0, dimension: dimension, probes: probes)
            }
        }
    }

    /// The centroids and probes of an IVF index, or nil when the index is flat.
    public func storedLists() throws -> StoredLists? {
        try database.readTransaction {
            let info = try vectorIndexInfo()
            let dimension = try vectorDimension()
            guard info.kind == .ivf, dimension > 0, let centroids = try listCentroids(), !centroids.isEmpty else {
                return nil
            }
            return StoredLists(
                centroids: centroids, dimension: dimension, probes: info.probes ?? centroids.count / dimension,
                generation: try generation())
        }
    }

    /// The rows of `lists`, and of the opening chunk of every file those rows belong to, in chunk
    /// id order (a flat snapshot of part of the index), with each of those files' chunk count:
    /// a search of the lists can then weigh a file by its opening chunk and its length as a
    /// search of every row does.
    public func rows(ofLists lists: [Int], dimension: Int) throws -> (
        snapshot: VectorSnapshot, chunkCounts: [Int64: Int]
    ) {
        try database.readTransaction {
            let listed = lists.map(String.init).joined(separator: ",")
            let members = "SELECT chunk_id FROM vector_lists WHERE list IN (\(listed))"
            let files = try database.prepare(
                "SELECT DISTINCT chunks.file_id FROM chunks WHERE chunks.id IN (\(members))")
            var fileIDs: [Int64] = []
            while try files.step() { fileIDs.append(files.int64(0)) }
            let opening = try database.prepare("SELECT min(id), count(*) FROM chunks WHERE file_id = ?")
            var openings: [Int64] = []
            var chunkCounts: [Int64: Int] = [:]
            for fileID in fileIDs {
                try opening.bind(.integer(fileID))
                guard try opening.step() else { continue }
                openings.append(opening.int64(0))
                chunkCounts[fileID] = opening.int(1)
            }
            let wanted = "\(members) UNION SELECT value FROM json_each(?)"
            let openingList = "[" + openings.map(String.init).joined(separator: ",") + "]"
            let counting = try database.prepare("SELECT count(*) FROM vectors WHERE chunk_id IN (\(wanted))")
                .bind(.text(openingList))
            let count = try counting.step() ? counting.int(0) : 0
            let snapshot = try readRows(
                """
                FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id
                WHERE vectors.chunk_id IN (\(wanted)) ORDER BY vectors.chunk_id
                """, count: count, dimension: dimension, bindings: [.text(openingList)])
            return (snapshot, chunkCounts)
        }
    }
}
