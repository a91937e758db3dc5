import CKernels

/// A dense layer in int8: the weights quantized once per output column (symmetric, ±127 or a
/// little less) into the packed layout of `semfind_int8_linear`, the input quantized per row on
/// every call (in the kernel's row format: 7-bit for AVX2, else 8-bit), each row's few outlying
/// entries set aside and multiplied in float32.
package final class Int8Linear: DenseLayer {
    package var outputs: Int { weights.columns }
    package var inputs: Int { weights.inputs }
    /// The kernel version every product uses.
    package let kernel: Int32
    /// The quantized weights of every part, side by side.
    package let weights: Int8Weights

    /// Quantizes the layers in `parts`, which share their inputs, as one layer whose outputs
    /// are theirs side by side (query, key and value become one product).
    package init(concatenating parts: [Linear], kernel: Int32) {
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

    /// Quantizes the input rows on the calling thread into `workspace`'s quantized rows, then
    /// splits the product by output column (in whole 64-column tiles) across `team`.
    func forward(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, outputStride: Int?,
        team: WorkerTeam?, workspace: BertWorkspace
    ) {
        guard let quantized = workspace.quantizedRows else {
            preconditionFailure("an int8 layer runs in a workspace made for quantizing")
        }
        forward(input, rows: rows, into: output, outputStride: outputStride, team: team, quantizingInto: quantized)
    }

    /// `forward` on the calling thread alone, into rows of `outputs` values.
    package func forward(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
        quantizingInto quantized: QuantizedRows
    ) {
        forward(input, rows: rows, into: output, outputStride: nil, team: nil, quantizingInto: quantized)
    }

    private func forward(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, outputStride: Int?,
        team: WorkerTeam?, quantizingInto quantized: QuantizedRows
    ) {
        let width = outputs
        let stride = outputStride ?? width
        quantized.quantize(input, rows: rows, inputs: inputs, version: kernel)
        let workers = team?.size ?? 1
        let columnsPerWorker = (width / workers + 63) / 64 * 64
        let (target, weights) = (DisjointWrites(output), weights)
        let body: @Sendable (Int) -> Void = { worker in
            let first = min(width, worker * columnsPerWorker)
            let end = min(width, first + columnsPerWorker)
            guard first < end else { return }
            weights.multiply(quantized, columns: first..<end, into: target.pointer, yStride: stride)
        }
        if let team { team.run(body) } else { body(0) }
    }
}
