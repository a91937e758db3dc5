import Foundation
import SemfindCore

/// Stored vectors as bytes: float32 and float16 values little-endian, int8 as its float32 scale
/// followed by the values (`Quantizer`). A blob's length tells its form, so reading never needs
/// to know what the index was asked to store.
package enum VectorCodec {
    package static func encode(_ vector: [Float], as precision: VectorPrecision) -> Data {
        switch precision {
        case .f32:
            return vector.withUnsafeBytes { Data($0) }
        case .f16:
            return vector.map { Float16($0).bitPattern }.withUnsafeBytes { Data($0) }
        case .int8:
            var bytes = Data(count: precision.storedBytes(dimension: vector.count))
            bytes.withUnsafeMutableBytes { target in
                vector.withUnsafeBufferPointer { values in
                    guard let base = target.baseAddress else { return }
                    let scale = Quantizer.quantize(values, into: (base + 4).assumingMemoryBound(to: Int8.self))
                    target.storeBytes(of: scale, as: Float.self)
                }
            }
            return bytes
        }
    }

    /// The values of a stored vector of `dimension`, or nil when the blob has no form's length.
    package static func decode(_ blob: UnsafeRawBufferPointer, dimension: Int) -> [Float]? {
        guard let precision = VectorPrecision.of(byteCount: blob.count, dimension: dimension) else { return nil }
        return [Float](unsafeUninitializedCapacity: dimension) { values, count in
            if let base = values.baseAddress { decode(blob, as: precision, dimension: dimension, into: base) }
            count = dimension
        }
    }

    /// Writes the `dimension` values of a blob of `precision` to `target`.
    package static func decode(
        _ blob: UnsafeRawBufferPointer, as precision: VectorPrecision, dimension: Int,
        into target: UnsafeMutablePointer<Float>
    ) {
        switch precision {
        case .f32:
            for index in 0..<dimension { target[index] = blob.loadUnaligned(fromByteOffset: 4 * index, as: Float.self) }
        case .f16:
            for index in 0..<dimension {
                target[index] = Float(
                    Float16(bitPattern: blob.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self)))
            }
        case .int8:
            let scale = blob.loadUnaligned(as: Float.self)
            for index in 0..<dimension { target[index] = Float(Int8(bitPattern: blob[4 + index])) * scale }
        }
    }
}
