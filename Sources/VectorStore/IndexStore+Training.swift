import SemfindCore
import VectorIndex

extension IndexStore {
    /// Trains about 4·√N lists on the stored vectors without holding them all in memory: the
    /// centroids are trained on a random sample kept as int8 rows, every vector is filed under
    /// its nearest centroid as the rows stream past in blocks, the lists are committed (probing
    /// every list until the probes are measured), the list-ordered snapshot is streamed to its
    /// file, and `chooseProbes` measures recall on it before the probes are committed.
    ///
    /// A kill at any moment leaves a sound index: before the first commit it is as it was; after
    /// it, queries probe every list (exact, slower), and the next run trains again, since the
    /// trained row count is recorded only with the probes.
    func trainLists(dimension: Int) throws {
        let (generation, chunkIDs) = try database.readTransaction {
            var chunkIDs: [Int64] = []
            let rows = try database.prepare("SELECT chunk_id FROM vectors ORDER BY chunk_id")
            while try rows.step() { chunkIDs.append(rows.int64(0)) }
            return (try self.generation(), chunkIDs)
        }
        let listCount = IVFIndex.listCount(rows: chunkIDs.count)
        var generator = SeededGenerator(seed: 1)
        let sample = try trainingSample(
            of: chunkIDs, size: IVFIndex.trainingRows(listCount: listCount), dimension: dimension,
            generator: &generator)
        let model = SphericalKMeans.train(
            sample: sample, k: listCount, iterations: IVFIndex.trainingIterations, generator: &generator)
        let labels = try nearestLists(of: chunkIDs.count, model: model, dimension: dimension)
        try commitLists(labels: labels, chunkIDs: chunkIDs, model: model, generation: generation)
        try writeSnapshotFile(dimension: dimension)
        guard let snapshot = try currentSnapshot(), let index = IVFIndex(snapshot: snapshot) else {
            throw SemfindError(.io, "index \(path): the IVF snapshot just written cannot be read")
        }
        snapshot.expectRandomReads()
        let choice = index.chooseProbes(candidates: Self.probeChoiceCandidates)
        try database.transaction {
            try setMeta(.ivfProbes, String(choice.probes))
            try setMeta(.ivfRecallAt10, String(format: "%.4f", choice.recall))
            try setMeta(.ivfRecallQueries, String(choice.queries))
            try setMeta(.ivfTrainedRows, String(chunkIDs.count))
        }
    }

    /// `size` random rows of the index (all when fewer), as int8 rows in random order: 404
    /// bytes a row at 384 dimensions, where floats would take 1,536.
    private func trainingSample(
        of chunkIDs: [Int64], size: Int, dimension: Int, generator: inout SeededGenerator
    ) throws -> VectorSnapshot {
        var order = Array(chunkIDs.indices)
        let taken = min(size, order.count)
        for position in 0..<taken { order.swapAt(position, Int.random(in: position..<order.count, using: &generator)) }
        let positions = Dictionary(uniqueKeysWithValues: order.prefix(taken).enumerated().map { ($1, $0) })
        return try VectorSnapshot.assemble(count: taken, dimension: dimension, generation: 0, precision: .int8) {
            writer in
            let read = try database.prepare("SELECT vector FROM vectors WHERE chunk_id = ?")
            var written = 0
            for index in positions.keys.sorted() {
                try read.bind(.integer(chunkIDs[index]))
                guard let position = positions[index], try read.step(),
                    writer.set(position, chunkID: chunkIDs[index], fileID: 0, stored: read.blob(0))
                else { continue }
                written += 1
            }
            return written
        }
    }

    /// The nearest centroid of each stored vector, in chunk id order, read a block at a time.
    private func nearestLists(of count: Int, model: SphericalKMeans, dimension: Int) throws -> [Int32] {
        var labels: [Int32] = []
        labels.reserveCapacity(count)
        let blockRows = 1024
        var block = [Float](repeating: 0, count: blockRows * dimension)
        var filled = 0
        func assignBlock() {
            guard filled > 0 else { return }
            block.withUnsafeBufferPointer { values in
                labels += model.assign(
                    FloatMatrix(UnsafeBufferPointer(rebasing: values[0..<(filled * dimension)]), dimension: dimension))
            }
            filled = 0
        }
        try database.readTransaction {
            let rows = try database.prepare("SELECT vector FROM vectors ORDER BY chunk_id")
            while try rows.step() {
                let blob = rows.blob(0)
                guard let form = VectorPrecision.of(byteCount: blob.count, dimension: dimension) else {
                    throw malformedVector(bytes: blob.count, dimension: dimension)
                }
                block.withUnsafeMutableBufferPointer { values in
                    if let base = values.baseAddress {
                        VectorCodec.decode(blob, as: form, dimension: dimension, into: base + filled * dimension)
                    }
                }
                filled += 1
                if filled == blockRows { assignBlock() }
            }
            assignBlock()
        }
        guard labels.count == count else {
            throw SemfindError(.io, "index \(path) changed while its IVF lists were trained; run semfind index again")
        }
        return labels
    }

    /// Writes the lists and centroids in one transaction, unless the index changed since
    /// `generation`; until the probes are measured, queries probe every list.
    private func commitLists(labels: [Int32], chunkIDs: [Int64], model: SphericalKMeans, generation: Int64) throws {
        try database.transaction {
            guard try self.generation() == generation else {
                throw SemfindError(
                    .io, "index \(path) changed while its IVF lists were trained; run semfind index again")
            }
            try database.execute(
                "DELETE FROM vector_lists; DELETE FROM centroids; DELETE FROM meta WHERE key = 'ivf_trained_rows'")
            let insertCentroid = try database.prepare("INSERT INTO centroids(list, vector) VALUES (?, ?)")
            let dimension = model.dimension
            for list in 0..<model.count {
                let centroid = Array(model.centroids[(list * dimension)..<((list + 1) * dimension)])
                try insertCentroid.bind(.int(list), .blob(VectorCodec.encode(centroid, as: .f32))).run()
            }
            let insertMember = try database.prepare("INSERT INTO vector_lists(chunk_id, list) VALUES (?, ?)")
            for (chunkID, list) in zip(chunkIDs, labels) {
                try insertMember.bind(.integer(chunkID), .integer(Int64(list))).run()
            }
            try setMeta(.indexKind, VectorIndexInfo.Kind.ivf.rawValue)
            try setMeta(.ivfLists, String(model.count))
            try setMeta(.ivfProbes, String(model.count))
            try setMeta(.ivfRecallAt10, "1")
            try setMeta(.ivfRecallQueries, "0")
            try advanceGeneration()
            try setMeta(.ivfTrainedGeneration, String(try self.generation()))
        }
    }
}
