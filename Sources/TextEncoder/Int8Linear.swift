import CKernels

/// A dense layer in int8: the weights quantized once per output column (symmetric, ±127) into
/// the packed layout of `semfind_int8_linear`, the input quantized per row on every call (in the
/// kernel's row format: 7-bit for AVX2, else 8-bit), each row's few outlying entries set aside
/// and multiplied in float32.
///
/// `@unchecked Sendable`: the buffers are written only in `init` and freed in `deinit`.
final class Int8Linear: DenseLayer, @unchecked Sendable {
    let outputs: Int
    let inputs: Int
    /// The kernel version every product uses.
    let kernel: Int32
    /// The quantized weights twice: packed for the product, by input for the outliers.
    private let packed: UnsafeMutablePointer<Int8>
    private let byInput: UnsafeMutablePointer<Int8>
    /// Per padded column: weight scale, sum of the quantized weights, bias (0 in the padding).
    private let scales: UnsafeMutablePointer<Float>
    private let sums: UnsafeMutablePointer<Int32>
    private let bias: UnsafeMutablePointer<Float>

    /// Quantizes the layers in `parts`, which share their inputs, as one layer whose outputs
    /// are theirs side by side (query, key and value become one product).
    init(concatenating parts: [Linear], kernel: Int32) {
        inputs = parts[0].inputs
        outputs = parts.reduce(0) { $0 + $1.outputs }
        self.kernel = kernel
        let paddedColumns = semfind_int8_padded_columns(outputs)
        packed = .allocate(capacity: paddedColumns * semfind_int8_padded_inputs(inputs))
        byInput = .allocate(capacity: paddedColumns * inputs)
        scales = .allocate(capacity: paddedColumns)
        sums = .allocate(capacity: paddedColumns)
        bias = .allocate(capacity: paddedColumns)
        bias.initialize(repeating: 0, count: paddedColumns)
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: outputs * inputs)
        defer { floats.deallocate() }
        var column = 0
        for part in parts {
            precondition(part.inputs == inputs, "concatenated layers must share their inputs")
            (floats + column * inputs).update(from: part.weight.pointer, count: part.outputs * inputs)
            (bias + column).update(from: part.bias.pointer, count: part.outputs)
            column += part.outputs
        }
        semfind_int8_pack_weights(floats, outputs, inputs, packed, byInput, scales, sums)
    }

    deinit {
        let buffers = [UnsafeMutableRawPointer(packed), .init(byInput), .init(scales), .init(sums), .init(bias)]
        for buffer in buffers { buffer.deallocate() }
    }

    /// The layer's buffers as `semfind_int8_linear` takes them.
    private var weights: semfind_int8_weights {
        semfind_int8_weights(
            packed: packed, by_input: byInput, scales: scales, sums: sums, bias: bias, columns: outputs, k: inputs)
    }

    /// Quantizes the input rows on the calling thread, then splits the product by output column
    /// (in whole 64-column tiles) across `team`.
    func forward(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, outputStride: Int?,
        team: WorkerTeam?, workspace: BertWorkspace
    ) {
        let (width, kernel) = (outputs, kernel)
        let stride = outputStride ?? width
        semfind_int8_quantize_rows(
            kernel, input, rows, inputs, inputs, workspace.quantized, workspace.rowScales, workspace.rowOutliers)
        let workers = team?.size ?? 1
        let columnsPerWorker = (width / workers + 63) / 64 * 64
        let (quantized, rowScales, rowOutliers, target) = (
            DisjointWrites(workspace.quantized), DisjointWrites(workspace.rowScales),
            DisjointWrites(workspace.rowOutliers), DisjointWrites(output)
        )
        let layer = self
        let body: @Sendable (Int) -> Void = { worker in
            let first = min(width, worker * columnsPerWorker)
            let end = min(width, first + columnsPerWorker)
            guard first < end else { return }
            withUnsafePointer(to: layer.weights) { weights in
                semfind_int8_linear(
                    kernel, quantized.pointer, rowScales.pointer, rowOutliers.pointer, rows, weights, first, end,
                    target.pointer, stride)
            }
        }
        if let team { team.run(body) } else { body(0) }
    }
}
