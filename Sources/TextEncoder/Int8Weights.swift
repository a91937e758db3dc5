import CKernels

/// A dense layer's weights quantized for `semfind_int8_linear`, per output column (symmetric,
/// ±127), kept twice (packed for the product, by input for the outliers), with per padded column
/// the weight scale, the sum of the quantized weights and the bias (0 in the padding).
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

    /// `semfind_int8_linear` of these weights: rows quantized by `semfind_int8_quantize_rows`
    /// for the same `version`, columns [first, end) written into `y` (row stride `yStride`).
    package func multiply(
        version: Int32, rows: Int, quantized: UnsafePointer<Int8>, rowScales: UnsafePointer<Float>,
        outliers: UnsafePointer<semfind_int8_outliers>, columns range: Range<Int>, into y: UnsafeMutablePointer<Float>,
        yStride: Int
    ) {
        withUnsafePointer(to: view) { weights in
            semfind_int8_linear(
                version, quantized, rowScales, outliers, rows, weights, range.lowerBound, range.upperBound, y, yStride)
        }
    }
}
