import CKernels

/// A dense layer in int8: the weights quantized once per output column (symmetric, ±127) into
/// the packed layout of `semfind_int8_linear`, the input quantized per row on every call (in the
/// kernel's row format: 7-bit for AVX2, else 8-bit), each row's few outlying entries set aside
/// and multiplied in float32.
final class Int8Linear: DenseLayer {
    var outputs: Int { weights.columns }
    var inputs: Int { weights.inputs }
    /// The kernel version every product uses.
    let kernel: Int32
    /// The quantized weights of every part, side by side.
    let weights: Int8Weights

    /// Quantizes the layers in `parts`, which share their inputs, as one layer whose outputs
    /// are theirs side by side (query, key and value become one product).
    init(concatenating parts: [Linear], kernel: Int32) {
        let inputs = parts[0].inputs
        let outputs = parts.reduce(0) { $0 + $1.outputs }
        self.kernel = kernel
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: outputs * inputs)
        let biases = UnsafeMutablePointer<Float>.allocate(capacity: outputs)
        defer { [floats, biases].forEach { $0.deallocate() } }
        var column = 0
        for part in parts {
            precondition(part.inputs == inputs, "concatenated layers must share their inputs")
            (floats + column * inputs).update(from: part.weight.pointer, count: part.outputs * inputs)
            (biases + column).update(from: part.bias.pointer, count: part.outputs)
            column += part.outputs
        }
        weights = Int8Weights(weights: floats, bias: biases, columns: outputs, inputs: inputs)
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
        let weights = weights
        let body: @Sendable (Int) -> Void = { worker in
            let first = min(width, worker * columnsPerWorker)
            let end = min(width, first + columnsPerWorker)
            guard first < end else { return }
            weights.multiply(
                version: kernel, rows: rows, quantized: quantized.pointer, rowScales: rowScales.pointer,
                outliers: rowOutliers.pointer, columns: first..<end, into: target.pointer, yStride: stride)
        }
        if let team { team.run(body) } else { body(0) }
    }
}
