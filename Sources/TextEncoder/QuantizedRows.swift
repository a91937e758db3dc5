import CKernels

/// Rows of float32 activations made ready for `Int8Weights.multiply`: each row in a kernel
/// version's row format (`semfind_int8_quantize_rows`), its scale, and its few outlying entries
/// set aside in float32. The buffers are sized once, for the most rows and the widest rows a
/// forward pass quantizes, and reused by every int8 layer.
///
/// `@unchecked Sendable`: one thread quantizes into the buffers; the threads of a product then
/// only read them.
package final class QuantizedRows: @unchecked Sendable {
    /// The rows last quantized, how many inputs each has and the kernel version they are for.
    package private(set) var rows = 0
    package private(set) var inputs = 0
    package private(set) var version: Int32 = 0
    let bytes: UnsafeMutablePointer<Int8>
    let scales: UnsafeMutablePointer<Float>
    let outliers: UnsafeMutablePointer<semfind_int8_outliers>
    private let byteCapacity: Int
    private let rowCapacity: Int

    /// Buffers for up to `rows` rows of `inputs` values, and for fewer rows of more values up to
    /// the same `rows` · padded `inputs` bytes.
    package convenience init(rows: Int, inputs: Int) {
        self.init(rowCapacity: rows, byteCapacity: rows * semfind_int8_padded_inputs(inputs))
    }

    init(rowCapacity: Int, byteCapacity: Int) {
        self.rowCapacity = rowCapacity
        self.byteCapacity = byteCapacity
        bytes = .allocate(capacity: max(byteCapacity, 1))
        scales = .allocate(capacity: max(rowCapacity, 1))
        outliers = .allocate(capacity: max(rowCapacity, 1))
    }

    deinit {
        bytes.deallocate()
        scales.deallocate()
        outliers.deallocate()
    }

    /// Quantizes `rows` rows of `inputs` values (consecutive) in `version`'s row format.
    package func quantize(_ input: UnsafePointer<Float>, rows: Int, inputs: Int, version: Int32) {
        precondition(
            rows <= rowCapacity && rows * semfind_int8_padded_inputs(inputs) <= byteCapacity,
            "\(rows) rows of \(inputs) inputs do not fit the quantized rows' buffers")
        semfind_int8_quantize_rows(version, input, rows, inputs, inputs, bytes, scales, outliers)
        (self.rows, self.inputs, self.version) = (rows, inputs, version)
    }

    /// Forgets the rows' outliers, so that a product of them is the integer product alone (what
    /// `semfind bench products` times beside the whole layer).
    package func dropOutliers() {
        for row in 0..<rows { outliers[row].count = 0 }
    }
}
