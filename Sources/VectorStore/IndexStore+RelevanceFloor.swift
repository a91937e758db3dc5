import SemfindCore
import VectorIndex

extension IndexStore {
    /// The floor measured on this index, or nil when it was never measured (an empty index, or
    /// one made by an older semfind, until its next `semfind index`).
    public func relevanceFloor() throws -> RelevanceFloor? {
        try meta().relevanceFloor
    }

    /// Measures the floor (`RelevanceFloor`) when the index has none yet or its vector count
    /// moved by more than a quarter since, or when `force` says so (`--reindex-vectors`).
    /// `questions` embeds the unrelated questions with the index's model; it is called only
    /// when a measurement is due.
    public func refreshRelevanceFloor(force: Bool = false, questions: () -> [[Float]]) throws {
        let dimension = try vectorDimension()
        let vectors = Int(try database.integer("SELECT count(*) FROM vectors"))
        let due = RelevanceFloor.isDue(previous: try relevanceFloor(), vectors: vectors)
        guard dimension > 0, force || due else { return }
        let sample = try floorSample(dimension: dimension)
        let measured = RelevanceFloor.measured(
            questions: questions().filter { $0.count == dimension }, sample: sample.values, owners: sample.owners,
            dimension: dimension, vectors: vectors)
        try database.transaction {
            try database.prepare("DELETE FROM meta WHERE key IN (?, ?)").bind(
                .text(IndexMeta.Key.relevanceFloor.rawValue), .text(IndexMeta.Key.relevanceFloorVectors.rawValue)
            )
            .run()
            guard let measured else { return }
            try setMeta(.relevanceFloor, String(measured.similarity))
            try setMeta(.relevanceFloorVectors, String(measured.vectors))
        }
    }

    /// Up to `RelevanceFloor.sampledChunks` vectors in an order fixed by a seed, with the file
    /// each belongs to: `values` holds them row after row.
    private func floorSample(dimension: Int) throws -> (values: [Float], owners: [Int64]) {
        var rows: [(chunkID: Int64, fileID: Int64)] = []
        let listing = try database.prepare(
            """
            SELECT vectors.chunk_id, chunks.file_id FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id
            ORDER BY vectors.chunk_id
            """)
        while try listing.step() { rows.append((listing.int64(0), listing.int64(1))) }
        let taken = RelevanceFloor.sample(rows)
        var values: [Float] = []
        var owners: [Int64] = []
        values.reserveCapacity(taken.count * dimension)
        let read = try database.prepare("SELECT vector FROM vectors WHERE chunk_id = ?")
        for row in taken {
            try read.bind(.integer(row.chunkID))
            guard try read.step(), let vector = VectorCodec.decode(read.blob(0), dimension: dimension) else { continue }
            values += vector
            owners.append(row.fileID)
        }
        return (values, owners)
    }
}
