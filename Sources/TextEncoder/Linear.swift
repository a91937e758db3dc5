import CBLAS
import CKernels

/// A dense layer, y = x·Wᵀ + b, with W stored `[out, in]` as in the checkpoint.
package struct Linear: Sendable {
    let weight: FloatTensor
    let bias: FloatTensor
    var outputs: Int { weight.shape[0] }
    var inputs: Int { weight.shape[1] }

    init(weight: FloatTensor, bias: FloatTensor) {
        self.weight = weight
        self.bias = bias
    }

    /// A layer of the given weights (`outputs` × `inputs`) and bias, owned, for a benchmark to
    /// run as the encoder does.
    package init(weights: [Float], bias: [Float], outputs: Int, inputs: Int) {
        self.init(weight: FloatTensor(weights, shape: [outputs, inputs]), bias: FloatTensor(bias, shape: [outputs]))
    }

    static func load(_ file: SafetensorsFile, _ prefix: String, inputs: Int, outputs: Int) throws -> Linear {
        Linear(
            weight: try file.tensor("\(prefix).weight", shape: [outputs, inputs]),
            bias: try file.tensor("\(prefix).bias", shape: [outputs]))
    }

    /// Up to this many rows, a direct kernel that reads the weights once beats OpenBLAS, whose
    /// packing of the weight matrix costs more than the product itself (see docs/PERFORMANCE.md).
    static let directKernelRowLimit = 32

    /// `forward` on the calling thread alone, into rows of `outputs` values.
    package func forward(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>) {
        forward(input, rows: rows, into: output, outputStride: nil, team: nil)
    }

    /// Applies the layer to `rows` rows of `input` (stride `inputs`), writing `rows` rows of
    /// `output` (stride `outputStride`, by default `outputs`). With a `team`, a few rows are split
    /// by output column across its threads; many rows go to OpenBLAS, which splits them itself.
    func forward(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, outputStride: Int? = nil,
        team: WorkerTeam?
    ) {
        let width = outputs
        let stride = outputStride ?? width
        if rows <= Self.directKernelRowLimit {
            let workers = team?.size ?? 1
            let columnsPerWorker = (width / workers + 2) / 3 * 3
            let (source, weights, biases, target) = (
                DisjointWrites(input), DisjointWrites(weight.pointer), DisjointWrites(bias.pointer),
                DisjointWrites(output)
            )
            let inputs = inputs
            let body: @Sendable (Int) -> Void = { worker in
                let first = min(width, worker * columnsPerWorker)
                let end = min(width, first + columnsPerWorker)
                semfind_linear_small(
                    source.pointer, rows, inputs, weights.pointer, biases.pointer, first, end, target.pointer, stride)
            }
            if let team { team.run(body) } else { body(0) }
            return
        }
        for row in 0..<rows {
            (output + row * stride).update(from: bias.pointer, count: width)
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(width), Int32(inputs),
            1, input, Int32(inputs), weight.pointer, Int32(inputs), 1, output, Int32(stride))
    }
}

/// Layer normalization's learned scale and shift.
struct LayerNorm: Sendable {
    let gamma: FloatTensor
    let beta: FloatTensor
    let epsilon: Float

    static func load(_ file: SafetensorsFile, _ prefix: String, width: Int, epsilon: Float) throws -> LayerNorm {
        LayerNorm(
            gamma: try file.tensor("\(prefix).weight", shape: [width]),
            beta: try file.tensor("\(prefix).bias", shape: [width]), epsilon: epsilon)
    }

    /// Normalizes each of `rows` rows in place: zero mean, unit variance, then scale and shift.
    func forward(_ values: UnsafeMutablePointer<Float>, rows: Int) {
        semfind_layer_norm_rows(values, rows, gamma.count, gamma.pointer, beta.pointer, epsilon)
    }
}
