import SemfindCore
import VectorIndex

extension IndexStore {
    /// The form the index stores its vectors in: as recorded, float32 for an index made before
    /// semfind recorded it (those stored float32 only).
    public func vectorPrecision() throws -> VectorPrecision {
        try vectorPrecision(try meta())
    }

    /// `vectorPrecision()` as `meta` records it.
    func vectorPrecision(_ meta: IndexMeta) throws -> VectorPrecision {
        guard let recorded = meta[.vectorPrecision] else { return .f32 }
        guard let precision = VectorPrecision(rawValue: recorded) else {
            throw SemfindError(
                .invalidInput,
                "index \(path) stores vectors as \(recorded), which this semfind cannot read; upgrade semfind")
        }
        return precision
    }

    /// Settles the stored form before a run writes: a new index takes `requested` (or
    /// `VectorPrecision.standard`); an index that stores another form converts its vectors when
    /// `requested` is lower (no chunk is embedded again) and refuses a higher one, which would
    /// need every chunk embedded again. Returns whether vectors were converted.
    @discardableResult
    public func settlePrecision(_ requested: VectorPrecision?) throws -> Bool {
        let meta = try meta()
        let isNew = try meta[.vectorPrecision] == nil && database.integer("SELECT count(*) FROM vectors") == 0
        if isNew {
            try setMeta(.vectorPrecision, (requested ?? .standard).rawValue)
            return false
        }
        let current = try vectorPrecision(meta)
        guard let requested, requested != current else { return false }
        guard requested < current else {
            throw SemfindError(
                .invalidInput,
                "index \(path) stores its vectors as \(current.rawValue); \(requested.rawValue) needs every chunk embedded again: semfind index --rebuild --precision \(requested.rawValue) FOLDER"
            )
        }
        try convertVectors(to: requested)
        return true
    }

    /// Rewrites every stored vector in `precision`, in one transaction, then compacts the file.
    private func convertVectors(to precision: VectorPrecision) throws {
        let dimension = try vectorDimension()
        try database.transaction {
            let read = try database.prepare(
                "SELECT chunk_id, vector FROM vectors WHERE chunk_id > ? ORDER BY chunk_id LIMIT 4096")
            let update = try database.prepare("UPDATE vectors SET vector = ? WHERE chunk_id = ?")
            var last: Int64 = .min
            while true {
                try read.bind(.integer(last))
                var batch: [(Int64, [Float])] = []
                while try read.step() {
                    guard let vector = VectorCodec.decode(read.blob(1), dimension: dimension) else {
                        throw malformedVector(bytes: read.blob(1).count, dimension: dimension)
                    }
                    batch.append((read.int64(0), vector))
                }
                guard let end = batch.last?.0 else { break }
                for (chunkID, vector) in batch {
                    try update.bind(.blob(VectorCodec.encode(vector, as: precision)), .integer(chunkID)).run()
                }
                last = end
            }
            try setMeta(.vectorPrecision, precision.rawValue)
            try advanceGeneration()
        }
        // Gives the freed pages back to the file system; the conversion stands without it (a
        // reader holding an old snapshot of the database can make it fail), so a failure is no error.
        try? database.execute("VACUUM")
    }
}
