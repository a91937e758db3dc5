import CKernels
import Foundation
import SemfindCore
import Testing

/// The two attention kernels against attention computed in Double: softmax(Q Kᵀ · scale + B) V,
/// head by head, on query/key/value rows laid out as the encoder lays them out.
@Suite("attention kernels")
struct AttentionTests {
    /// One sequence's query, key and value rows (`stride` floats a row: queries, keys, values,
    /// then 3 floats of padding that no kernel may read into its result), and for each head a
    /// relative position bias for distances −(length − 1) … length − 1.
    struct Sequence {
        let length: Int
        let heads: Int
        let width: Int
        var hidden: Int { heads * width }
        var stride: Int { 3 * hidden + 3 }
        var scale: Float { 1 / Float(width).squareRoot() }
        let qkv: [Float]
        let bias: [Float]
        var biasStride: Int { 2 * length - 1 }

        init(length: Int, heads: Int, width: Int, seed: UInt64) {
            (self.length, self.heads, self.width) = (length, heads, width)
            var generator = SeededGenerator(seed: seed)
            qkv = (0..<(length * (3 * heads * width + 3))).map { _ in Float.random(in: -2...2, using: &generator) }
            bias = (0..<(heads * (2 * length - 1))).map { _ in Float.random(in: -1...1, using: &generator) }
        }

        /// The context rows in Double, with or without the bias.
        func expected(biased: Bool) -> [Double] {
            var context = [Double](repeating: 0, count: length * hidden)
            for head in 0..<heads {
                let column = head * width
                for i in 0..<length {
                    var scores = (0..<length).map { j -> Double in
                        let dot = (0..<width).reduce(0.0) {
                            $0 + Double(qkv[i * stride + column + $1]) * Double(qkv[j * stride + hidden + column + $1])
                        }
                        let shift = biased ? Double(bias[head * biasStride + length - 1 + j - i]) : 0
                        return dot * Double(scale) + shift
                    }
                    let largest = scores.max() ?? 0
                    scores = scores.map { exp($0 - largest) }
                    let total = scores.reduce(0, +)
                    for d in 0..<width {
                        context[i * hidden + column + d] =
                            (0..<length).reduce(0.0) {
                                $0 + scores[$1] * Double(qkv[$1 * stride + 2 * hidden + column + d])
                            } / total
                    }
                }
            }
            return context
        }

        /// The two kernels' C signature: qkv, length, hidden, heads, stride, scale, bias, bias
        /// stride, context, context stride, scratch.
        typealias Kernel = (
            UnsafePointer<Float>?, Int, Int, Int, Int, Float, UnsafePointer<Float>?, Int, UnsafeMutablePointer<Float>?,
            Int, UnsafeMutablePointer<Float>?
        ) -> Void

        /// `kernel`'s context rows (hidden + 5 floats a row, NaN where it must not write), given
        /// `scratch` floats of scratch.
        func run(biased: Bool, scratch: Int, _ kernel: Kernel) -> [Float] {
            let contextStride = hidden + 5
            var context = [Float](repeating: .nan, count: length * contextStride)
            var space = [Float](repeating: .nan, count: scratch)
            bias.withUnsafeBufferPointer { bias in
                let center = biased ? bias.baseAddress.map { $0 + length - 1 } : nil
                kernel(
                    qkv, length, hidden, heads, stride, scale, center, biasStride, &context, contextStride, &space)
            }
            return context
        }
    }

    /// The largest difference from the Double result (infinite where a context entry was left
    /// unwritten), and whether anything was written outside the context rows.
    static func compare(_ got: [Float], _ sequence: Sequence, biased: Bool) -> (worst: Double, strayWrites: Bool) {
        let want = sequence.expected(biased: biased)
        let contextStride = sequence.hidden + 5
        var worst = 0.0
        var strayWrites = false
        for i in 0..<sequence.length {
            for d in 0..<contextStride {
                let value = got[i * contextStride + d]
                if d >= sequence.hidden {
                    strayWrites = strayWrites || !value.isNaN
                } else {
                    let difference = abs(Double(value) - want[i * sequence.hidden + d])
                    worst = difference.isNaN ? .infinity : max(worst, difference)
                }
            }
        }
        return (worst, strayWrites)
    }

    /// Runs `kernel` on sequences of each length, biased and not, against Double attention.
    static func expectMatchesDouble(
        _ kernel: Sequence.Kernel, lengths: [Int], heads: Int, width: Int, scratch: (Int) -> Int
    ) {
        for length in lengths {
            let sequence = Sequence(length: length, heads: heads, width: width, seed: UInt64(length * 100 + width))
            for biased in [false, true] {
                let got = sequence.run(biased: biased, scratch: scratch(length), kernel)
                let (worst, strayWrites) = Self.compare(got, sequence, biased: biased)
                #expect(worst < 2e-5, "width \(width) length \(length) biased \(biased): \(worst)")
                #expect(!strayWrites, "width \(width) length \(length): wrote past the context rows")
            }
        }
    }

    /// Where the processor lacks AVX2 and FMA, the encoder never calls the tiled kernel.
    @Test(
        "the tiled kernel matches Double attention, biased or not, at lengths that leave every tail",
        .enabled(if: semfind_attention_tiled_supports(16) != 0), arguments: [16, 32, 64])
    func tiled(width: Int) {
        #expect(semfind_attention_tiled_supports(width) != 0)
        Self.expectMatchesDouble(semfind_attention_tiled, lengths: [1, 3, 17, 65, 100], heads: 3, width: width) {
            semfind_attention_tiled_scratch($0, width)
        }
    }

    @Test("the row-by-row kernel matches Double attention, biased or not", arguments: [8, 32])
    func small(width: Int) {
        Self.expectMatchesDouble(semfind_attention_small, lengths: [1, 5, 64], heads: 2, width: width) { $0 }
    }
}
