import CBLAS

/// A dense layer, y = x·Wᵀ + b, with W stored `[out, in]` as in the checkpoint.
struct Linear: Sendable {
    let weight: FloatTensor
    let bias: FloatTensor
    var outputs: Int { weight.shape[0] }
    var inputs: Int { weight.shape[1] }

    static func load(_ file: SafetensorsFile, _ prefix: String, inputs: Int, outputs: Int) throws -> Linear {
        Linear(
            weight: try file.tensor("\(prefix).weight", shape: [outputs, inputs]),
            bias: try file.tensor("\(prefix).bias", shape: [outputs]))
    }

    /// Applies the layer to `rows` rows of `input` (stride `inputs`), writing `rows` rows of
    /// `output` (stride `outputs`).
    func forward(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>) {
        let width = outputs
        for row in 0..<rows {
            (output + row * width).update(from: bias.pointer, count: width)
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(width), Int32(inputs),
            1, input, Int32(inputs), weight.pointer, Int32(inputs), 1, output, Int32(width))
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

    func forward(_ values: UnsafeMutablePointer<Float>, rows: Int) {
        VectorMath.layerNorm(
            values, rows: rows, width: gamma.count, gamma: gamma.pointer, beta: beta.pointer, epsilon: epsilon)
    }
}
