import CKernels
import SemfindCore
import Testing

/// The int8 linear kernels against a naive quantize-then-multiply written here, every version this
/// processor runs, on random matrices of awkward sizes.
@Suite("int8 linear kernels")
struct Int8LinearTests {
    /// The versions to check: every one this processor runs.
    static let versions = (Int32(SEMFIND_INT8_PORTABLE)...Int32(SEMFIND_INT8_VNNI)).filter {
        semfind_int8_supports($0) != 0
    }

    /// (rows, inputs, columns): odd row counts around the kernels' tiles, inputs that are not a
    /// multiple of 4, columns that leave partial blocks of 16.
    static let shapes = [(1, 1, 1), (5, 37, 17), (7, 130, 50), (13, 64, 70), (70, 131, 33), (130, 384, 130)]

    /// Symmetric quantization as documented: scale = max |v| / 127, q = round(v / scale).
    static func quantize(_ values: ArraySlice<Float>) -> (q: [Int8], scale: Float) {
        let largest = values.map(abs).max() ?? 0
        let inverse: Float = largest > 0 ? 127 / largest : 0
        let q = values.map { Int8(max(-127, min(127, ($0 * inverse).rounded(.toNearestOrEven)))) }
        return (q, largest / 127)
    }

    static func random(_ count: Int, _ generator: inout SeededGenerator, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in scale * generator.nextSigned() }
    }

    /// What the kernels should produce: bias + scale_x · scale_w · Σ q_x q_w, in Double.
    static func expected(x: [Float], w: [Float], bias: [Float], rows: Int, inputs: Int, columns: Int) -> [Double] {
        let quantizedRows = (0..<rows).map { quantize(x[($0 * inputs)..<(($0 + 1) * inputs)]) }
        let quantizedColumns = (0..<columns).map { quantize(w[($0 * inputs)..<(($0 + 1) * inputs)]) }
        var result: [Double] = []
        for row in quantizedRows {
            for (n, column) in quantizedColumns.enumerated() {
                let sum = zip(row.q, column.q).reduce(0) { $0 + Int($1.0) * Int($1.1) }
                result.append(Double(bias[n]) + Double(row.scale) * Double(column.scale) * Double(sum))
            }
        }
        return result
    }

    @Test("packing and row quantization agree with the naive quantization")
    func quantization() {
        var generator = SeededGenerator(seed: 7)
        let (columns, inputs) = (19, 37)
        let w = Self.random(columns * inputs, &generator)
        let paddedInputs = semfind_int8_padded_inputs(inputs)
        let paddedColumns = semfind_int8_padded_columns(columns)
        #expect(paddedInputs == 40 && paddedColumns == 32)
        var packed = [Int8](repeating: 1, count: paddedColumns * paddedInputs)
        var scales = [Float](repeating: 1, count: paddedColumns)
        var sums = [Int32](repeating: 1, count: paddedColumns)
        semfind_int8_pack_weights(w, columns, inputs, &packed, &scales, &sums)
        for n in 0..<paddedColumns {
            let (q, scale) = n < columns ? Self.quantize(w[(n * inputs)..<((n + 1) * inputs)]) : ([], 0)
            #expect(scales[n] == scale && sums[n] == q.reduce(0) { $0 + Int32($1) }, "column \(n)")
            for i in 0..<paddedInputs {
                let stored = packed[n / 16 * 16 * paddedInputs + i / 4 * 64 + n % 16 * 4 + i % 4]
                #expect(stored == (i < q.count ? q[i] : 0), "column \(n), input \(i)")
            }
        }
        var magnitudes = [Int8](repeating: 1, count: packed.count)
        semfind_int8_pack_magnitudes(packed, packed.count, &magnitudes)
        #expect(magnitudes == packed.map { Int8($0.magnitude) })
        let (rows, stride) = (5, 45)
        let x = Self.random(rows * stride, &generator, scale: 3)
        var quantized = [Int8](repeating: 1, count: rows * paddedInputs)
        var rowScales = [Float](repeating: 1, count: rows)
        semfind_int8_quantize_rows(x, rows, inputs, stride, &quantized, &rowScales)
        for m in 0..<rows {
            let (q, scale) = Self.quantize(x[(m * stride)..<(m * stride + inputs)])
            #expect(rowScales[m] == scale)
            #expect(Array(quantized[(m * paddedInputs)..<((m + 1) * paddedInputs)]) == q + [0, 0, 0], "row \(m)")
        }
    }

    @Test("every version matches the naive product, whole and by column range", arguments: versions)
    func product(version: Int32) {
        var generator = SeededGenerator(seed: 11)
        for (rows, inputs, columns) in Self.shapes {
            let x = Self.random(rows * inputs, &generator, scale: 2)
            let w = Self.random(columns * inputs, &generator, scale: 0.1)
            let bias = Self.random(columns, &generator)
            Self.check(version: version, x: x, w: w, bias: bias, rows: rows, inputs: inputs, columns: columns)
        }
    }

    /// Every input and weight quantized to ±127 in random sign patterns: the largest products and
    /// pair sums there are, where a kernel that saturated 16-bit sums would go wrong.
    @Test("every version is exact at the extremes of the int8 range", arguments: versions)
    func extremes(version: Int32) {
        var generator = SeededGenerator(seed: 13)
        let signs: (Int) -> [Float] = { count in (0..<count).map { _ in generator.next() % 2 == 0 ? 1 : -1 } }
        for (rows, inputs, columns) in [(9, 384, 40), (6, 1536, 17)] {
            let (x, w) = (signs(rows * inputs), signs(columns * inputs))
            let bias = [Float](repeating: 0, count: columns)
            Self.check(version: version, x: x, w: w, bias: bias, rows: rows, inputs: inputs, columns: columns)
        }
    }

    /// Runs `version` on x · wᵀ + bias, over the whole width and from the second block on, with
    /// the weights' magnitudes and without them (a version that needs them then runs the portable
    /// one), and compares with the naive product; also checks that nothing outside the columns is
    /// written.
    static func check(version: Int32, x: [Float], w: [Float], bias: [Float], rows: Int, inputs: Int, columns: Int) {
        let expected = Self.expected(x: x, w: w, bias: bias, rows: rows, inputs: inputs, columns: columns)
        let paddedColumns = semfind_int8_padded_columns(columns)
        let paddedInputs = semfind_int8_padded_inputs(inputs)
        var packed = [Int8](repeating: 0, count: paddedColumns * paddedInputs)
        var scales = [Float](repeating: 0, count: paddedColumns)
        var sums = [Int32](repeating: 0, count: paddedColumns)
        semfind_int8_pack_weights(w, columns, inputs, &packed, &scales, &sums)
        var magnitudes = [Int8](repeating: 0, count: packed.count)
        semfind_int8_pack_magnitudes(packed, packed.count, &magnitudes)
        var q = [Int8](repeating: 0, count: rows * paddedInputs)
        var rowScales = [Float](repeating: 0, count: rows)
        semfind_int8_quantize_rows(x, rows, inputs, inputs, &q, &rowScales)
        let paddedBias = bias + [Float](repeating: 0, count: paddedColumns - columns)
        // The whole width, then only the columns from the second block on (if any).
        for first in Set([0, min(16, columns / 16 * 16)]) {
            for withMagnitudes in [true, false] {
                let stride = columns + 3
                var y = [Float](repeating: .nan, count: rows * stride)
                magnitudes.withUnsafeBufferPointer { given in
                    semfind_int8_linear(
                        version, q, rowScales, rows, inputs, packed, withMagnitudes ? given.baseAddress : nil, scales,
                        sums, paddedBias, first, columns, &y, stride)
                }
                var worst: Double = 0
                for m in 0..<rows {
                    for n in 0..<stride {
                        let value = y[m * stride + n]
                        guard n >= first && n < columns else {
                            #expect(value.isNaN, "version \(version): wrote outside its columns at \(m), \(n)")
                            continue
                        }
                        let reference = expected[m * columns + n]
                        worst = max(worst, abs(Double(value) - reference) / max(1, abs(reference)))
                    }
                }
                #expect(
                    worst < 1e-5,
                    "version \(version), \(rows)x\(inputs)x\(columns) from \(first), magnitudes \(withMagnitudes): \(worst)"
                )
            }
        }
    }
}
