import Foundation
import SemfindCore

/// Every stored vector as one block of memory: a 64-byte header; the chunk id, file id and
/// quantization scale of each row; the rows quantized to int8 (what a query scans); and the
/// rows in the index's stored precision (what the best candidates are rescored with: float32 or
/// float16 rows, none for int8, whose scanned rows are its stored ones). The same bytes live in
/// memory (read from the database) and on disk beside the index (`index.sqlite.vectors`), where
/// a query maps them instead of reading every row through SQLite.
///
/// A flat index's rows are in chunk id order. An IVF index's rows are ordered by list (chunk id
/// order within each list), and three parts follow the rescoring rows: where each list starts,
/// the lists' centroids, and the rows in chunk id order (to find a chunk's row, and a file's rows).
///
/// The header carries the index's generation (advanced by every change of the stored vectors),
/// so a snapshot older than the database is never used, and the lowest chunk id not yet given
/// out when it was written (0 when unknown), so that the next snapshot can tell the rows added
/// since by their ids and copy the others from it (`IndexStore.patchSnapshotFile`).
///
/// `@unchecked Sendable`: the bytes are never written after they are built.
public final class VectorSnapshot: @unchecked Sendable {
    static let magic: UInt64 = 0x3243_4556_464D_4553  // "SEMFVEC2", little-endian
    /// The layout's version (4: the stored precision); others are ignored and rewritten.
    static let version: UInt32 = 4
    static let headerSize = 64

    public let dimension: Int
    public let count: Int
    public let generation: Int64
    /// Every chunk id given out before the snapshot was written is below it; 0 when unknown.
    package let nextChunkID: Int64
    public let precision: VectorPrecision
    public let chunkIDs: UnsafeBufferPointer<Int64>
    public let fileIDs: UnsafeBufferPointer<Int64>
    /// Per row: the float that one int8 step stands for (the row's largest magnitude / 127).
    public let scales: UnsafeBufferPointer<Float>
    public let quantized: UnsafeBufferPointer<Int8>
    /// The rescoring rows: `count × dimension` values of `precision` (empty for int8).
    let rescoring: UnsafeRawBufferPointer
    /// The IVF lists, when the rows are ordered by list.
    public let lists: Lists?
    /// Keeps the bytes alive: a `MappedFile`, or the buffer built from the database.
    let storage: AnyObject
    private let bytes: UnsafeRawBufferPointer
    /// How the rows of an IVF index are grouped.
    public struct Lists: @unchecked Sendable {
        /// Rows `starts[list]..<starts[list + 1]` form `list`; `count + 1` entries.
        public let starts: UnsafeBufferPointer<Int64>
        /// `count` unit rows of the snapshot's dimension.
        public let centroids: UnsafeBufferPointer<Float>
        /// Every row once, in chunk id order.
        public let rowsInChunkOrder: UnsafeBufferPointer<Int32>
        public var count: Int { starts.count - 1 }

        public func rows(of list: Int) -> Range<Int> { Int(starts[list])..<Int(starts[list + 1]) }

        /// The list that holds `row`.
        package func list(ofRow row: Int) -> Int {
            var low = 0
            var high = count
            while low + 1 < high {
                let middle = (low + high) / 2
                if Int(starts[middle]) <= row { low = middle } else { high = middle }
            }
            return low
        }
    }

    /// Where each part starts, for `count` rows of `dimension` in `lists` lists (0 when flat).
    struct Layout {
        let chunkIDs: Int
        let fileIDs: Int
        let scales: Int
        let quantized: Int
        let rescoring: Int
        let listStarts: Int
        let centroids: Int
        let chunkOrder: Int
        let end: Int

        init(count: Int, dimension: Int, lists: Int, precision: VectorPrecision) {
            func aligned(_ offset: Int) -> Int { (offset + 63) / 64 * 64 }
            chunkIDs = VectorSnapshot.headerSize
            fileIDs = chunkIDs + 8 * count
            scales = fileIDs + 8 * count
            quantized = aligned(scales + 4 * count)
            rescoring = aligned(quantized + count * dimension)
            let rowsEnd = rescoring + precision.rescoringBytesPerValue * count * dimension
            guard lists > 0 else {
                (listStarts, centroids, chunkOrder, end) = (rowsEnd, rowsEnd, rowsEnd, rowsEnd)
                return
            }
            listStarts = aligned(rowsEnd)
            centroids = aligned(listStarts + 8 * (lists + 1))
            chunkOrder = aligned(centroids + 4 * lists * dimension)
            end = chunkOrder + 4 * count
        }
    }

    /// Reads the snapshot beside the index at `indexPath`, or returns nil when it is missing,
    /// malformed or not of `generation` (`current`, then `readIn`).
    static func mapped(indexPath: String, generation: Int64, dimension: Int) -> VectorSnapshot? {
        current(indexPath: indexPath, generation: generation, dimension: dimension)?.readIn()
    }

    /// This snapshot, with what a query reads of every row read in at once — a flat index's
    /// int8 rows; an IVF index's ids, list parts and scales (its int8 rows are read as probes
    /// touch them) — and the rescoring rows left to be read as candidates need them.
    package func readIn() -> VectorSnapshot {
        guard let file = storage as? MappedFile else { return self }
        let layout = Layout(count: count, dimension: dimension, lists: lists?.count ?? 0, precision: precision)
        if lists == nil {
            file.populate(0..<layout.rescoring)
        } else {
            file.preferSmallPages()
            file.populate(0..<layout.quantized)
            file.populate(layout.listStarts..<layout.end)
        }
        return self
    }

    /// The status of the file this snapshot was mapped from; nil for a snapshot held in memory.
    package var fileStatus: FileStatus? { (storage as? MappedFile)?.status }

    /// A snapshot file's size and modification time, as `IndexStore` records them after
    /// writing it and compares them before believing it.
    package static func stamp(_ status: FileStatus) -> String { "\(status.size):\(status.modified)" }

    /// The snapshot beside the index at `indexPath` when it is of `generation`, mapped but not
    /// read in (its header alone costs nothing); nil otherwise.
    package static func current(indexPath: String, generation: Int64, dimension: Int) -> VectorSnapshot? {
        guard let snapshot = existing(indexPath: indexPath, dimension: dimension), snapshot.generation == generation
        else { return nil }
        return snapshot
    }

    /// The well-formed snapshot of `dimension` beside the index at `indexPath`, of whatever
    /// generation, mapped but not read in; nil when there is none.
    package static func existing(indexPath: String, dimension: Int) -> VectorSnapshot? {
        guard let file = try? MappedFile(path: snapshotPath(indexPath: indexPath)),
            let snapshot = VectorSnapshot(storage: file, bytes: file.bytes), snapshot.dimension == dimension
        else { return nil }
        return snapshot
    }

    /// The starts and centroids of the lists of an IVF snapshot being built.
    public struct ListLayout: Sendable {
        /// `centroids.count / dimension + 1` row numbers: where each list starts, then the row count.
        public let starts: [Int]
        public let centroids: [Float]

        public init(starts: [Int], centroids: [Float]) {
            self.starts = starts
            self.centroids = centroids
        }
    }

    /// Builds a snapshot of `count` rows, which `fill` writes through the `RowWriter` it is
    /// given (in any order) and returns how many it wrote. With `lists`, row numbers are
    /// positions in list order, and the lists' parts are written too.
    public static func assemble(
        count: Int, dimension: Int, generation: Int64, nextChunkID: Int64 = 0, precision: VectorPrecision,
        lists: ListLayout? = nil, fill: (RowWriter) throws -> Int
    ) throws -> VectorSnapshot {
        let listCount = lists.map { $0.starts.count - 1 } ?? 0
        let layout = Layout(count: count, dimension: dimension, lists: listCount, precision: precision)
        let buffer = OwnedBuffer(byteCount: layout.end)
        let base = buffer.base
        let writer = RowWriter(base: base, layout: layout, dimension: dimension, precision: precision)
        let written = try fill(writer)
        guard written == count else {
            throw SemfindError(.io, "the index changed while its vectors were read (\(written) of \(count) rows)")
        }
        if let lists {
            guard lists.starts.first == 0, lists.starts.last == count, lists.centroids.count == listCount * dimension
            else { throw SemfindError(.io, "the IVF lists do not cover the \(count) rows of the vector snapshot") }
            let starts = (base + layout.listStarts).bindMemory(to: Int64.self, capacity: listCount + 1)
            for (list, start) in lists.starts.enumerated() { starts[list] = Int64(start) }
            lists.centroids.withUnsafeBytes {
                (base + layout.centroids).copyMemory(
                    from: $0.baseAddress ?? UnsafeRawPointer(base), byteCount: $0.count)
            }
            let chunkIDs = writer.chunkIDs
            let order = (0..<count).sorted { chunkIDs[$0] < chunkIDs[$1] }
            let chunkOrder = (base + layout.chunkOrder).bindMemory(to: Int32.self, capacity: count)
            for (position, row) in order.enumerated() { chunkOrder[position] = Int32(row) }
        }
        header(
            count: count, dimension: dimension, generation: generation, nextChunkID: nextChunkID, lists: listCount,
            precision: precision
        )
        .withUnsafeBytes { base.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(base), byteCount: $0.count) }
        guard
            let snapshot = VectorSnapshot(
                storage: buffer, bytes: UnsafeRawBufferPointer(start: base, count: buffer.count))
        else { throw SemfindError(.io, "could not lay out the vector snapshot of \(count) rows") }
        return snapshot
    }

    /// Builds a snapshot from float rows: `fill` is given the ids' destinations and a
    /// `count × dimension` matrix to write, and returns how many rows it wrote (for benchmarks
    /// and tests, which make their vectors as floats).
    public static func build(
        count: Int, dimension: Int, generation: Int64, precision: VectorPrecision = .f32, lists: ListLayout? = nil,
        fill: (
            _ chunkIDs: UnsafeMutableBufferPointer<Int64>, _ fileIDs: UnsafeMutableBufferPointer<Int64>,
            _ matrix: UnsafeMutableBufferPointer<Float>
        ) throws -> Int
    ) throws -> VectorSnapshot {
        let chunkIDs = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        let fileIDs = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        let matrix = UnsafeMutableBufferPointer<Float>.allocate(capacity: count * dimension)
        defer { [chunkIDs.baseAddress, fileIDs.baseAddress].forEach { $0?.deallocate() } }
        defer { matrix.deallocate() }
        chunkIDs.initialize(repeating: 0)
        fileIDs.initialize(repeating: 0)
        matrix.initialize(repeating: 0)
        let written = try fill(chunkIDs, fileIDs, matrix)
        return try assemble(
            count: count, dimension: dimension, generation: generation, precision: precision, lists: lists
        ) {
            writer in
            guard let rows = matrix.baseAddress else { return written }
            for row in 0..<min(written, count) {
                writer.set(row, chunkID: chunkIDs[row], fileID: fileIDs[row], vector: rows + row * dimension)
            }
            return written
        }
    }

    /// The header's words: magic, version and dimension, rows, generation, lists, precision,
    /// next chunk id.
    static func header(
        count: Int, dimension: Int, generation: Int64, nextChunkID: Int64, lists: Int, precision: VectorPrecision
    ) -> [UInt64] {
        [
            magic, UInt64(version) | UInt64(dimension) << 32, UInt64(count), UInt64(bitPattern: generation),
            UInt64(lists), precision.headerCode, UInt64(bitPattern: nextChunkID),
        ]
    }

    private init?(storage: AnyObject, bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count >= Self.headerSize, bytes.load(as: UInt64.self) == Self.magic,
            bytes.load(fromByteOffset: 8, as: UInt32.self) == Self.version
        else { return nil }
        let dimension = Int(bytes.load(fromByteOffset: 12, as: UInt32.self))
        let count = Int(bytes.load(fromByteOffset: 16, as: UInt64.self))
        let listCount = Int(bytes.load(fromByteOffset: 32, as: UInt64.self))
        guard dimension > 0, count >= 0, count < 1 << 31, listCount >= 0, listCount <= max(count, 1),
            let precision = VectorPrecision(headerCode: bytes.load(fromByteOffset: 40, as: UInt64.self))
        else { return nil }
        let layout = Layout(count: count, dimension: dimension, lists: listCount, precision: precision)
        guard bytes.count == layout.end else { return nil }
        self.storage = storage
        self.bytes = bytes
        self.dimension = dimension
        self.count = count
        self.precision = precision
        self.generation = bytes.load(fromByteOffset: 24, as: Int64.self)
        self.nextChunkID = bytes.load(fromByteOffset: 48, as: Int64.self)
        func part<T>(_ offset: Int, _ type: T.Type, _ count: Int) -> UnsafeBufferPointer<T> {
            UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: T.self), count: count)
        }
        chunkIDs = part(layout.chunkIDs, Int64.self, count)
        fileIDs = part(layout.fileIDs, Int64.self, count)
        scales = part(layout.scales, Float.self, count)
        quantized = part(layout.quantized, Int8.self, count * dimension)
        rescoring = UnsafeRawBufferPointer(
            start: base + layout.rescoring, count: precision.rescoringBytesPerValue * count * dimension)
        if listCount > 0 {
            let lists = Lists(
                starts: part(layout.listStarts, Int64.self, listCount + 1),
                centroids: part(layout.centroids, Float.self, listCount * dimension),
                rowsInChunkOrder: part(layout.chunkOrder, Int32.self, count))
            // A list layout that does not cover the rows in order would send a scan out of bounds.
            guard lists.starts[0] == 0, lists.starts[listCount] == Int64(count),
                zip(lists.starts.dropFirst(), lists.starts).allSatisfy({ $0 >= $1 }),
                lists.rowsInChunkOrder.allSatisfy({ $0 >= 0 && Int($0) < count })
            else { return nil }
            self.lists = lists
        } else {
            lists = nil
        }
    }

    /// The row of a chunk, or nil when it has no vector.
    public func row(of chunkID: Int64) -> Int? {
        position(of: chunkID).map(row(atPosition:))
    }

    /// Where a chunk comes in chunk id order, or nil when it has no vector.
    private func position(of chunkID: Int64) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if chunkIDs[row(atPosition: middle)] < chunkID { low = middle + 1 } else { high = middle }
        }
        return low < count && chunkIDs[row(atPosition: low)] == chunkID ? low : nil
    }

    /// The row that comes `position`-th in chunk id order.
    package func row(atPosition position: Int) -> Int {
        lists.map { Int($0.rowsInChunkOrder[position]) } ?? position
    }

    /// The file of a row, from its neighbours in chunk id order (a file's chunks have
    /// consecutive ids): the row of its first chunk and how many of its chunks the snapshot holds.
    public func file(ofRow row: Int) -> (openingRow: Int, chunks: Int) {
        guard let positions = positionsOfFile(holding: row) else { return (row, 1) }
        return (self.row(atPosition: positions.lowerBound), positions.count)
    }

    /// The rows of the file that holds `row` (the file's chunks that the snapshot holds), in
    /// chunk id order.
    public func rowsOfFile(holding row: Int) -> [Int] {
        positionsOfFile(holding: row)?.map(self.row(atPosition:)) ?? []
    }

    /// Where the rows of the file that holds `row` come in chunk id order (they are consecutive
    /// there), or nil when `row` is no row.
    private func positionsOfFile(holding row: Int) -> Range<Int>? {
        guard row >= 0, row < count, let position = position(of: chunkIDs[row]) else { return nil }
        let file = fileIDs[row]
        var first = position
        while first > 0, fileIDs[self.row(atPosition: first - 1)] == file { first -= 1 }
        var end = position + 1
        while end < count, fileIDs[self.row(atPosition: end)] == file { end += 1 }
        return first..<end
    }

    /// Every row in chunk id order (rows of one file are consecutive in it).
    public func forEachRowInChunkOrder(_ body: (Int) -> Void) {
        if let order = lists?.rowsInChunkOrder {
            for row in order { body(Int(row)) }
        } else {
            for row in 0..<count { body(row) }
        }
    }

    /// Writes the snapshot beside the index at `indexPath`, atomically (a reader sees the old
    /// file or the new one, never a part).
    func write(indexPath: String) throws {
        let target = Self.snapshotPath(indexPath: indexPath)
        let temporary = target + ".tmp-\(getpid())"
        do {
            try Self.writeAll(bytes, to: temporary)
            guard rename(temporary, target) == 0 else {
                throw SemfindError(.io, "cannot rename \(temporary): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw SemfindError(.io, "cannot write the vector snapshot \(target): \(error)")
        }
    }

    /// Writes `bytes` to a new file at `path` straight from memory (no copy of a large snapshot).
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, PrivateFiles.fileMode)
        guard descriptor >= 0 else { throw SemfindError(.io, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw SemfindError(.io, String(cString: strerror(errno))) }
            offset += written
        }
    }

    package static func snapshotPath(indexPath: String) -> String { indexPath + ".vectors" }

}

/// Heap memory owned by a snapshot built in memory.
final class OwnedBuffer {
    let base: UnsafeMutableRawPointer
    let count: Int

    init(byteCount: Int) {
        count = byteCount
        base = .allocate(byteCount: max(byteCount, 1), alignment: 64)
        // Zeroed, so that the padding between parts is the same in every snapshot of the same rows.
        base.initializeMemory(as: UInt8.self, repeating: 0, count: max(byteCount, 1))
    }

    deinit { base.deallocate() }
}

extension UnsafeMutablePointer {
    fileprivate func buffer(_ count: Int) -> UnsafeMutableBufferPointer<Pointee> {
        UnsafeMutableBufferPointer(start: self, count: count)
    }
}
