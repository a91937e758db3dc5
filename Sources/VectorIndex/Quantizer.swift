/// Symmetric int8 quantization of one vector: each value becomes round(value / scale), with
/// scale = the largest magnitude / 127, so values span [-127, 127] and a dot product of two
/// quantized vectors times both scales approximates the float one.
enum Quantizer {
    /// Writes the quantized `values` to `target` and returns their scale (0 for a zero vector).
    @discardableResult
    static func quantize(_ values: UnsafeBufferPointer<Float>, into target: UnsafeMutablePointer<Int8>) -> Float {
        let largest = values.reduce(Float(0)) { max($0, abs($1)) }
        guard largest > 0, largest.isFinite else {
            target.initialize(repeating: 0, count: values.count)
            return 0
        }
        let scale = largest / 127
        for index in values.indices {
            target[index] = Int8(max(-127, min(127, (values[index] / scale).rounded())))
        }
        return scale
    }

    /// A query's values quantized, with their scale: what the int8 scans multiply rows by.
    static func quantized(_ values: [Float]) -> (values: [Int8], scale: Float) {
        var quantized = [Int8](repeating: 0, count: values.count)
        let scale = values.withUnsafeBufferPointer { source in
            quantized.withUnsafeMutableBufferPointer { target in
                target.baseAddress.map { quantize(source, into: $0) } ?? 0
            }
        }
        return (quantized, scale)
    }
}
