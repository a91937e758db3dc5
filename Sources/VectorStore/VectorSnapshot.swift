import Foundation
import SemfindCore

/// Every stored vector as one block of memory: a 64-byte header, the chunk id and file id of
/// each row, then the row-major matrix. The same bytes live in memory (read from the database)
/// and on disk beside the index (`index.sqlite.vectors`), where a query maps them instead of
/// reading every row through SQLite.
///
/// The header carries the index's generation (advanced by every change of the stored vectors),
/// so a snapshot older than the database is never used.
///
/// `@unchecked Sendable`: the bytes are never written after `init`.
public final class VectorSnapshot: @unchecked Sendable {
    static let magic: UInt64 = 0x3143_4556_464D_4553  // "SEMFVEC1", little-endian
    static let headerSize = 64

    public let dimension: Int
    public let count: Int
    public let generation: Int64
    public let chunkIDs: UnsafeBufferPointer<Int64>
    public let fileIDs: UnsafeBufferPointer<Int64>
    public let matrix: UnsafeBufferPointer<Float>
    /// Keeps the bytes alive: a `MappedFile`, or the buffer built from the database.
    private let storage: AnyObject
    private let bytes: UnsafeRawBufferPointer

    /// Reads the snapshot beside the index at `indexPath`, or returns nil when it is missing,
    /// malformed or not of `generation`.
    static func mapped(indexPath: String, generation: Int64, dimension: Int) -> VectorSnapshot? {
        guard let file = try? MappedFile(path: snapshotPath(indexPath: indexPath), populate: true),
            let snapshot = VectorSnapshot(storage: file, bytes: file.bytes),
            snapshot.generation == generation, snapshot.dimension == dimension
        else { return nil }
        return snapshot
    }

    /// Builds a snapshot from rows read one by one: `fill` is given the three destinations to
    /// write `count` rows into, and returns how many it wrote.
    static func build(
        count: Int, dimension: Int, generation: Int64,
        fill: (
            _ chunkIDs: UnsafeMutableBufferPointer<Int64>, _ fileIDs: UnsafeMutableBufferPointer<Int64>,
            _ matrix: UnsafeMutableBufferPointer<Float>
        ) throws -> Int
    ) throws -> VectorSnapshot {
        let buffer = OwnedBuffer(byteCount: byteCount(count: count, dimension: dimension))
        let base = buffer.base
        let written = try fill(
            (base + headerSize).bindMemory(to: Int64.self, capacity: count).buffer(count),
            (base + headerSize + 8 * count).bindMemory(to: Int64.self, capacity: count).buffer(count),
            (base + headerSize + 16 * count).bindMemory(to: Float.self, capacity: count * dimension)
                .buffer(count * dimension))
        guard written == count else {
            throw SemfindError(.io, "the index changed while its vectors were read (\(written) of \(count) rows)")
        }
        let header: [UInt64] = [magic, 1 | UInt64(dimension) << 32, UInt64(count), UInt64(bitPattern: generation)]
        header.withUnsafeBytes { base.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(base), byteCount: $0.count) }
        guard
            let snapshot = VectorSnapshot(
                storage: buffer, bytes: UnsafeRawBufferPointer(start: base, count: buffer.count))
        else { throw SemfindError(.io, "could not lay out the vector snapshot of \(count) rows") }
        return snapshot
    }

    private init?(storage: AnyObject, bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count >= Self.headerSize, bytes.load(as: UInt64.self) == Self.magic,
            bytes.load(fromByteOffset: 8, as: UInt32.self) == 1
        else { return nil }
        let dimension = Int(bytes.load(fromByteOffset: 12, as: UInt32.self))
        let count = Int(bytes.load(fromByteOffset: 16, as: UInt64.self))
        guard dimension > 0, count >= 0, count < 1 << 40,
            bytes.count == Self.byteCount(count: count, dimension: dimension)
        else { return nil }
        self.storage = storage
        self.bytes = bytes
        self.dimension = dimension
        self.count = count
        self.generation = bytes.load(fromByteOffset: 24, as: Int64.self)
        chunkIDs = UnsafeBufferPointer(
            start: (base + Self.headerSize).assumingMemoryBound(to: Int64.self), count: count)
        fileIDs = UnsafeBufferPointer(
            start: (base + Self.headerSize + 8 * count).assumingMemoryBound(to: Int64.self), count: count)
        matrix = UnsafeBufferPointer(
            start: (base + Self.headerSize + 16 * count).assumingMemoryBound(to: Float.self),
            count: count * dimension)
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

    private static func byteCount(count: Int, dimension: Int) -> Int {
        headerSize + count * (16 + 4 * dimension)
    }
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
