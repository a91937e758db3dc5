import Foundation
import SemfindCore

/// Every stored vector as one block of memory: a 64-byte header; the chunk id, file id and
/// quantization scale of each row; the rows quantized to int8 (what a query scans); and the
/// rows as float32 (what the best candidates are rescored with). The same bytes live in memory
/// (read from the database) and on disk beside the index (`index.sqlite.vectors`), where a
/// query maps them instead of reading every row through SQLite.
///
/// The header carries the index's generation (advanced by every change of the stored vectors),
/// so a snapshot older than the database is never used.
///
/// `@unchecked Sendable`: the bytes are never written after `init`.
public final class VectorSnapshot: @unchecked Sendable {
    static let magic: UInt64 = 0x3243_4556_464D_4553  // "SEMFVEC2", little-endian
    static let headerSize = 64

    public let dimension: Int
    public let count: Int
    public let generation: Int64
    public let chunkIDs: UnsafeBufferPointer<Int64>
    public let fileIDs: UnsafeBufferPointer<Int64>
    /// Per row: the float that one int8 step stands for (the row's largest magnitude / 127).
    public let scales: UnsafeBufferPointer<Float>
    public let quantized: UnsafeBufferPointer<Int8>
    public let matrix: UnsafeBufferPointer<Float>
    /// Keeps the bytes alive: a `MappedFile`, or the buffer built from the database.
    private let storage: AnyObject
    private let bytes: UnsafeRawBufferPointer

    /// Where each part starts, for `count` rows of `dimension`.
    struct Layout {
        let chunkIDs: Int
        let fileIDs: Int
        let scales: Int
        let quantized: Int
        let matrix: Int
        let end: Int

        init(count: Int, dimension: Int) {
            func aligned(_ offset: Int) -> Int { (offset + 63) / 64 * 64 }
            chunkIDs = VectorSnapshot.headerSize
            fileIDs = chunkIDs + 8 * count
            scales = fileIDs + 8 * count
            quantized = aligned(scales + 4 * count)
            matrix = aligned(quantized + count * dimension)
            end = matrix + 4 * count * dimension
        }
    }

    /// Reads the snapshot beside the index at `indexPath`, or returns nil when it is missing,
    /// malformed or not of `generation`. The part a query scans is read in at once; the float
    /// rows only as candidates need them.
    static func mapped(indexPath: String, generation: Int64, dimension: Int) -> VectorSnapshot? {
        guard let snapshot = current(indexPath: indexPath, generation: generation, dimension: dimension),
            let file = snapshot.storage as? MappedFile
        else { return nil }
        file.populate(0..<Layout(count: snapshot.count, dimension: dimension).matrix)
        return snapshot
    }

    /// The snapshot beside the index at `indexPath` when it is of `generation`, mapped but not
    /// read in (its header alone costs nothing); nil otherwise.
    static func current(indexPath: String, generation: Int64, dimension: Int) -> VectorSnapshot? {
        guard let file = try? MappedFile(path: snapshotPath(indexPath: indexPath)),
            let snapshot = VectorSnapshot(storage: file, bytes: file.bytes),
            snapshot.generation == generation, snapshot.dimension == dimension
        else { return nil }
        return snapshot
    }

    /// Builds a snapshot from rows read one by one: `fill` is given the three destinations to
    /// write `count` rows into, and returns how many it wrote; the quantized rows follow.
    public static func build(
        count: Int, dimension: Int, generation: Int64,
        fill: (
            _ chunkIDs: UnsafeMutableBufferPointer<Int64>, _ fileIDs: UnsafeMutableBufferPointer<Int64>,
            _ matrix: UnsafeMutableBufferPointer<Float>
        ) throws -> Int
    ) throws -> VectorSnapshot {
        let layout = Layout(count: count, dimension: dimension)
        let buffer = OwnedBuffer(byteCount: layout.end)
        let base = buffer.base
        let matrix = (base + layout.matrix).bindMemory(to: Float.self, capacity: count * dimension)
        let written = try fill(
            (base + layout.chunkIDs).bindMemory(to: Int64.self, capacity: count).buffer(count),
            (base + layout.fileIDs).bindMemory(to: Int64.self, capacity: count).buffer(count),
            matrix.buffer(count * dimension))
        guard written == count else {
            throw SemfindError(.io, "the index changed while its vectors were read (\(written) of \(count) rows)")
        }
        let scales = (base + layout.scales).bindMemory(to: Float.self, capacity: count)
        let quantized = (base + layout.quantized).bindMemory(to: Int8.self, capacity: count * dimension)
        for row in 0..<count {
            scales[row] = Quantizer.quantize(
                UnsafeBufferPointer(start: matrix + row * dimension, count: dimension),
                into: quantized + row * dimension)
        }
        let header: [UInt64] = [magic, 2 | UInt64(dimension) << 32, UInt64(count), UInt64(bitPattern: generation)]
        header.withUnsafeBytes { base.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(base), byteCount: $0.count) }
        guard
            let snapshot = VectorSnapshot(
                storage: buffer, bytes: UnsafeRawBufferPointer(start: base, count: buffer.count))
        else { throw SemfindError(.io, "could not lay out the vector snapshot of \(count) rows") }
        return snapshot
    }

    private init?(storage: AnyObject, bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count >= Self.headerSize, bytes.load(as: UInt64.self) == Self.magic,
            bytes.load(fromByteOffset: 8, as: UInt32.self) == 2
        else { return nil }
        let dimension = Int(bytes.load(fromByteOffset: 12, as: UInt32.self))
        let count = Int(bytes.load(fromByteOffset: 16, as: UInt64.self))
        guard dimension > 0, count >= 0, count < 1 << 40 else { return nil }
        let layout = Layout(count: count, dimension: dimension)
        guard bytes.count == layout.end else { return nil }
        self.storage = storage
        self.bytes = bytes
        self.dimension = dimension
        self.count = count
        self.generation = bytes.load(fromByteOffset: 24, as: Int64.self)
        chunkIDs = UnsafeBufferPointer(
            start: (base + layout.chunkIDs).assumingMemoryBound(to: Int64.self), count: count)
        fileIDs = UnsafeBufferPointer(start: (base + layout.fileIDs).assumingMemoryBound(to: Int64.self), count: count)
        scales = UnsafeBufferPointer(start: (base + layout.scales).assumingMemoryBound(to: Float.self), count: count)
        quantized = UnsafeBufferPointer(
            start: (base + layout.quantized).assumingMemoryBound(to: Int8.self), count: count * dimension)
        matrix = UnsafeBufferPointer(
            start: (base + layout.matrix).assumingMemoryBound(to: Float.self), count: count * dimension)
    }

    /// Writes the snapshot beside the index at `indexPath`, atomically (a reader sees the old
    /// file or the new one, never a part).
    func write(indexPath: String) throws {
        let target = Self.snapshotPath(indexPath: indexPath)
        let temporary = target + ".tmp-\(getpid())"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, target) == 0 else {
                throw SemfindError(.io, "cannot rename \(temporary): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw SemfindError(.io, "cannot write the vector snapshot \(target): \(error)")
        }
    }

    static func snapshotPath(indexPath: String) -> String { indexPath + ".vectors" }

}

/// Heap memory owned by a snapshot built in memory.
private final class OwnedBuffer {
    let base: UnsafeMutableRawPointer
    let count: Int

    init(byteCount: Int) {
        count = byteCount
        base = .allocate(byteCount: max(byteCount, 1), alignment: 64)
    }

    deinit { base.deallocate() }
}

extension UnsafeMutablePointer {
    fileprivate func buffer(_ count: Int) -> UnsafeMutableBufferPointer<Pointee> {
        UnsafeMutableBufferPointer(start: self, count: count)
    }
}
