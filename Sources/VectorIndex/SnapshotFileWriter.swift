import Foundation
import SemfindCore

/// Writes a vector snapshot file row by row, in the rows' final order, holding one block of
/// rows in memory (and, for an IVF snapshot, each row's chunk id, to write the chunk-order
/// part at the end): the file a query maps, made without the whole snapshot in memory.
///
/// The file is written under a temporary name and renamed into place by `finish`, so a reader
/// sees the old snapshot or the new one, never a part; an unfinished writer removes its file.
package final class SnapshotFileWriter {
    private let target: String
    private let temporary: String
    private let descriptor: Int32
    private let layout: VectorSnapshot.Layout
    private let count: Int
    private let dimension: Int
    private let precision: VectorPrecision
    private let generation: Int64
    private let nextChunkID: Int64
    private let lists: VectorSnapshot.ListLayout?
    /// One block of rows, laid out as the parts of a snapshot of `blockRows` rows.
    private let staging: OwnedBuffer
    private let stagingLayout: VectorSnapshot.Layout
    private let stagingRows: VectorSnapshot.RowWriter
    private let blockRows = 4096
    private var staged = 0
    private var written = 0
    private var chunkIDs: [Int64] = []
    private var finished = false

    package init(
        indexPath: String, count: Int, dimension: Int, generation: Int64, nextChunkID: Int64,
        precision: VectorPrecision, lists: VectorSnapshot.ListLayout?
    ) throws {
        let listCount = lists.map { $0.starts.count - 1 } ?? 0
        if let lists {
            guard lists.starts.first == 0, lists.starts.last == count, lists.centroids.count == listCount * dimension
            else { throw SemfindError(.io, "the IVF lists do not cover the \(count) rows of the vector snapshot") }
            chunkIDs.reserveCapacity(count)
        }
        target = VectorSnapshot.snapshotPath(indexPath: indexPath)
        temporary = target + ".tmp-\(getpid())"
        layout = VectorSnapshot.Layout(count: count, dimension: dimension, lists: listCount, precision: precision)
        (self.count, self.dimension, self.precision, self.generation, self.nextChunkID, self.lists) =
            (count, dimension, precision, generation, nextChunkID, lists)
        stagingLayout = VectorSnapshot.Layout(count: blockRows, dimension: dimension, lists: 0, precision: precision)
        staging = OwnedBuffer(byteCount: stagingLayout.end)
        stagingRows = VectorSnapshot.RowWriter(
            base: staging.base, layout: stagingLayout, dimension: dimension, precision: precision)
        descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, PrivateFiles.fileMode)
        guard descriptor >= 0 else {
            throw SemfindError(
                .io, "cannot write the vector snapshot \(temporary): \(String(cString: strerror(errno)))")
        }
        guard ftruncate(descriptor, off_t(layout.end)) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            throw SemfindError(.io, "cannot size the vector snapshot \(temporary): \(reason)")
        }
    }

    deinit {
        guard !finished else { return }
        close(descriptor)
        unlink(temporary)
    }

    /// Adds the next row from a vector as the database stores it; false when the blob has no
    /// stored form's length.
    package func append(chunkID: Int64, fileID: Int64, stored blob: UnsafeRawBufferPointer) throws -> Bool {
        try expectRow()
        guard stagingRows.set(staged, chunkID: chunkID, fileID: fileID, stored: blob) else { return false }
        try advance(past: chunkID)
        return true
    }

    /// Adds the next row as a copy of row `row` of `source` (a snapshot of this writer's
    /// dimension and precision), recorded under `fileID`.
    package func append(copyOf row: Int, in source: VectorSnapshot, fileID: Int64) throws {
        try expectRow()
        stagingRows.copy(staged, from: source, row: row)
        stagingRows.fileIDs[staged] = fileID
        try advance(past: source.chunkIDs[row])
    }

    private func expectRow() throws {
        guard written + staged < count else {
            throw SemfindError(.io, "the index changed while its vectors were read (more than \(count) rows)")
        }
    }

    private func advance(past chunkID: Int64) throws {
        if lists != nil { chunkIDs.append(chunkID) }
        staged += 1
        if staged == blockRows { try flushBlock() }
    }

    /// Writes the rest, the lists' parts and the header, and puts the file in place.
    package func finish() throws {
        try flushBlock()
        guard written == count else {
            throw SemfindError(.io, "the index changed while its vectors were read (\(written) of \(count) rows)")
        }
        if let lists {
            try write(lists.starts.map(Int64.init), at: layout.listStarts)
            try write(lists.centroids, at: layout.centroids)
            let order = chunkIDs.indices.sorted { chunkIDs[$0] < chunkIDs[$1] }
            try write(order.map(Int32.init), at: layout.chunkOrder)
        }
        try write(
            VectorSnapshot.header(
                count: count, dimension: dimension, generation: generation, nextChunkID: nextChunkID,
                lists: lists.map { $0.starts.count - 1 } ?? 0, precision: precision), at: 0)
        close(descriptor)
        finished = true
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SemfindError(.io, "cannot rename \(temporary): \(reason)")
        }
    }

    /// Writes the staged rows' part of each of the five row parts at the rows' place in the file.
    private func flushBlock() throws {
        guard staged > 0 else { return }
        let rescoringWidth = precision.rescoringBytesPerValue * dimension
        let parts: [(source: Int, target: Int, rowBytes: Int)] = [
            (stagingLayout.chunkIDs, layout.chunkIDs, 8), (stagingLayout.fileIDs, layout.fileIDs, 8),
            (stagingLayout.scales, layout.scales, 4), (stagingLayout.quantized, layout.quantized, dimension),
            (stagingLayout.rescoring, layout.rescoring, rescoringWidth),
        ]
        for part in parts where part.rowBytes > 0 {
            try write(
                UnsafeRawBufferPointer(start: staging.base + part.source, count: staged * part.rowBytes),
                at: part.target + written * part.rowBytes)
        }
        written += staged
        staged = 0
    }

    private func write<Element>(_ values: [Element], at offset: Int) throws {
        try values.withUnsafeBytes { try write($0, at: offset) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count, let base = bytes.baseAddress {
            let result = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw SemfindError(
                    .io, "cannot write the vector snapshot \(temporary): \(String(cString: strerror(errno)))")
            }
            done += result
        }
    }
}
