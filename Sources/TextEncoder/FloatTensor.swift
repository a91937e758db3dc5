/// A read-only, contiguous, row-major float32 tensor: model weights, either borrowed from a
/// memory-mapped checkpoint or owned.
///
/// `@unchecked Sendable`: the storage is never written after `init`, and `owner` keeps borrowed
/// memory alive for as long as the tensor exists.
public final class FloatTensor: @unchecked Sendable {
    public let shape: [Int]
    public let count: Int
    let pointer: UnsafePointer<Float>
    private let owner: AnyObject?
    private let ownedStorage: UnsafeMutablePointer<Float>?

    /// Wraps `bytes` (little-endian float32) without copying when they are aligned on a
    /// little-endian machine; `owner` must keep them alive.
    init(littleEndianBytes bytes: UnsafeRawBufferPointer, shape: [Int], owner: AnyObject) {
        self.shape = shape
        count = bytes.count / MemoryLayout<Float>.stride
        let aligned = Int(bitPattern: bytes.baseAddress) % MemoryLayout<Float>.alignment == 0
        if aligned && UInt32(1).littleEndian == 1, let base = bytes.baseAddress, count > 0 {
            pointer = base.assumingMemoryBound(to: Float.self)
            self.owner = owner
            ownedStorage = nil
        } else {
            let storage = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
            for index in 0..<count {
                let bits = bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                storage[index] = Float(bitPattern: UInt32(littleEndian: bits))
            }
            pointer = UnsafePointer(storage)
            self.owner = nil
            ownedStorage = storage
        }
    }

    /// Takes ownership of a copy of `values`.
    init(_ values: [Float], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *), "tensor shape does not match its values")
        self.shape = shape
        count = values.count
        let storage = UnsafeMutablePointer<Float>.allocate(capacity: max(values.count, 1))
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.initialize(from: base, count: source.count) }
        }
        pointer = UnsafePointer(storage)
        owner = nil
        ownedStorage = storage
    }

    deinit {
        ownedStorage?.deallocate()
    }

    /// The values, copied out (for tests and small tensors).
    public var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
