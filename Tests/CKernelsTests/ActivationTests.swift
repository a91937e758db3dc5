import CKernels
import Foundation
import SemfindCore
import Testing

/// GELU, softmax and layer normalization at every vector width against the same functions in Double, on widths that
/// leave every kind of tail.
@Suite("activation and normalization kernels")
struct ActivationTests {
    /// 16 (AVX-512), 8 (AVX2) and 1 float a vector; a width the processor lacks runs the next one.
    static let lanes: [Int32] = [1, 8, 16]

    static func randomValues(_ count: Int, spread: Float, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float.random(in: -spread...spread, using: &generator) }
    }

    @Test("GELU matches x/2 (1 + erf(x / sqrt 2)) within 2e-7 of |x| + 1e-7", arguments: lanes)
    func gelu(lanes: Int32) {
        for count in [1, 7, 8, 15, 16, 17, 33, 1_000] {
            let inputs = Self.randomValues(count, spread: 8, seed: UInt64(count))
            var values = inputs
            semfind_gelu_lanes(&values, count, lanes)
            for (got, x) in zip(values, inputs) {
                let want = 0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))
                #expect(abs(Double(got) - want) <= 2e-7 * Double(abs(x)) + 1e-7, "x \(x) lanes \(lanes)")
            }
        }
    }

    @Test("softmax rows sum to 1 and match the Double softmax of the scaled scores", arguments: lanes)
    func softmax(lanes: Int32) {
        let scale: Float = 0.125
        for width in [1, 7, 8, 15, 16, 17, 33, 256] {
            let rows = 3, stride = width + 5
            var scores = Self.randomValues(rows * stride, spread: 40, seed: UInt64(width))
            let original = scores
            semfind_softmax_rows_lanes(&scores, rows, width, stride, scale, lanes)
            for row in 0..<rows {
                let scaled = original[row * stride..<row * stride + width].map { Double($0) * Double(scale) }
                let largest = scaled.max() ?? 0
                let exps = scaled.map { exp($0 - largest) }
                let total = exps.reduce(0, +)
                let got = scores[row * stride..<row * stride + width]
                for (value, e) in zip(got, exps) {
                    #expect(abs(Double(value) - e / total) <= 1e-6, "width \(width) lanes \(lanes)")
                }
                #expect(abs(got.reduce(0) { $0 + Double($1) } - 1) <= 1e-5)
                let padding = row * stride + width..<(row + 1) * stride
                #expect(scores[padding] == original[padding], "the row's stride past its width is left alone")
            }
        }
    }

    @Test("layer norm rows match (x - mean) / sqrt(variance + eps) * gamma + beta in Double", arguments: lanes)
    func layerNorm(lanes: Int32) {
        let epsilon: Float = 1e-12
        for width in [1, 7, 8, 17, 33, 384] {
            let rows = 3
            let inputs = Self.randomValues(rows * width, spread: 6, seed: UInt64(width))
            let gamma = Self.randomValues(width, spread: 2, seed: UInt64(width) + 100)
            let beta = Self.randomValues(width, spread: 1, seed: UInt64(width) + 200)
            var values = inputs
            semfind_layer_norm_rows_lanes(&values, rows, width, gamma, beta, epsilon, lanes)
            for row in 0..<rows {
                let x = inputs[row * width..<(row + 1) * width].map(Double.init)
                let mean = x.reduce(0, +) / Double(width)
                let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(width)
                for column in 0..<width {
                    let want =
                        (x[column] - mean) / (variance + Double(epsilon)).squareRoot() * Double(gamma[column])
                        + Double(beta[column])
                    #expect(abs(Double(values[row * width + column]) - want) <= 2e-5, "width \(width) lanes \(lanes)")
                }
            }
        }
    }
}
