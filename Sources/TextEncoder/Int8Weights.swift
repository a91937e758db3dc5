import CKernels

/// A dense layer's weights quantized for `semfind_int8_linear`, per output column (symmetric,
/// ±127 or a little less: `semfind_int8_pack_weights`), kept twice (packed for the product, by
/// input for the outliers), with per padded column the weight scale, the sum of the quantized
/// weights and the bias (0 in the padding).
///
/// `@unchecked Sendable`: the buffers are written only in `init` and freed in `deinit`.
package final class Int8Weights: @unchecked Sendable {
    package let columns: Int
    package let inputs: Int
    private let packed: UnsafeMutablePointer<Int8>
    private let byInput: UnsafeMutablePointer<Int8>
    private let scales: UnsafeMutablePointer<Float>
    private let sums: UnsafeMutablePointer<Int32>
    private let bias: UnsafeMutablePointer<Float>

    /// Quantizes `weights` (`columns` × `inputs`, the checkpoint's [out, in] layout) and copies
    /// `bias` (`columns` values).
    package init(weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, columns: Int, inputs: Int) {
        self.columns = columns
        self.inputs = inputs
        let paddedColumns = semfind_int8_padded_columns(columns)
        packed = .allocate(capacity: paddedColumns * semfind_int8_padded_inputs(inputs))
        byInput = .allocate(capacity: paddedColumns * inputs)
        scales = .allocate(capacity: paddedColumns)
        sums = .allocate(capacity: paddedColumns)
        self.bias = .allocate(capacity: paddedColumns)
        self.bias.initialize(repeating: 0, count: paddedColumns)
        self.bias.update(from: bias, count: columns)
        semfind_int8_pack_weights(weights, columns, inputs, packed, byInput, scales, sums)
    }

    deinit {
        let buffers = [UnsafeMutableRawPointer(packed), .init(byInput), .init(scales), .init(sums), .init(bias)]
        for buffer in buffers { buffer.deallocate() }
    }

    /// The buffers as `semfind_int8_linear` takes them.
    private var view: semfind_int8_weights {
        semfind_int8_weights(
            packed: packed, by_input: byInput, scales: scales, sums: sums, bias: bias, columns: columns, k: inputs)
    }

    /// `semfind_int8_linear` of these weights and `rows` (quantized for this layer's inputs):
    /// columns [first, end) written into `y` (row stride `yStride`).
    package func multiply(
        _ rows: QuantizedRows, columns range: Range<Int>, into y: UnsafeMutablePointer<Float>, yStride: Int
    ) {
        precondition(rows.inputs == inputs, "rows of \(rows.inputs) inputs for a layer of \(inputs)")
        withUnsafePointer(to: view) { weights in
            semfind_int8_linear(
                rows.version, rows.bytes, rows.scales, rows.outliers, rows.rows, weights, range.lowerBound,
                range.upperBound, y, yStride)
        }
    }
}
