import CKernels
import SemfindCore
import Testing
import TextEncoder

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

    /// Symmetric quantization as documented: scale = max |v| / limit, q = round(v / scale).
    static func quantize(_ values: ArraySlice<Float>, limit: Int = 127) -> (q: [Int8], scale: Float) {
        let largest = values.map(abs).max() ?? 0
        let bound = Float(limit)
        let inverse: Float = largest > 0 ? bound / largest : 0
        let q = values.map { Int8(max(-bound, min(bound, ($0 * inverse).rounded(.toNearestOrEven)))) }
        return (q, largest / bound)
    }

    /// The sum of magnitudes of q's largest quad: inputs 8p + h, 8p + h + 1, 8p + h + 4 and
    /// 8p + h + 5 for h = 0 and 2, the four products the AVX2 kernel adds in 16 bits.
    static func largestQuad(_ q: [Int8]) -> Int {
        let quads = stride(from: 0, to: q.count, by: 8).flatMap { p in
            [0, 2].map { h in [0, 1, 4, 5].map { p + h + $0 }.filter { $0 < q.count } }
        }
        return quads.map { quad in quad.reduce(0) { $0 + abs(Int(q[$1])) } }.max() ?? 0
    }

    /// A column of weights as documented: quantized at the largest limit up to 127 at which every
    /// quad's magnitudes sum to at most SEMFIND_INT8_QUAD_LIMIT.
    static func quantizeColumn(_ values: ArraySlice<Float>) -> (q: [Int8], scale: Float) {
        for limit in stride(from: 127, to: 1, by: -1) {
            let column = quantize(values, limit: limit)
            if largestQuad(column.q) <= SEMFIND_INT8_QUAD_LIMIT { return column }
        }
        return quantize(values, limit: 1)
    }

    /// The documented row formats: 7-bit rows stored plus 64 with outliers beyond 3 times the
    /// root mean square for AVX2, else 8-bit rows with outliers beyond 6 times, stored plus 128
    /// for the two VNNI versions.
    static func format(_ version: Int32) -> (limit: Int, offset: Int, ratio: Double) {
        switch semfind_int8_runnable_version(version) {
        case Int32(SEMFIND_INT8_AVX2): (63, 64, 3)
        case Int32(SEMFIND_INT8_AVX_VNNI), Int32(SEMFIND_INT8_VNNI): (127, 128, 6)
        default: (127, 0, 6)
        }
    }

    /// A row as documented: the entries beyond the format's ratio times its root mean square set
    /// aside (the 8 largest, largest first), the rest quantized symmetrically with 0 at each
    /// set-aside entry; q is without the format's offset.
    static func quantizeRow(_ values: ArraySlice<Float>, version: Int32 = Int32(SEMFIND_INT8_PORTABLE)) -> (
        q: [Int8], scale: Float, outliers: [(Int, Float)]
    ) {
        let (limit, _, ratio) = format(version)
        let row = Array(values)
        let meanSquare = row.reduce(0) { $0 + Double($1) * Double($1) } / Double(max(row.count, 1))
        let threshold = ratio * meanSquare.squareRoot()
        let outliers = row.indices.filter { Double(abs(row[$0])) > threshold }
            .sorted { abs(row[$0]) > abs(row[$1]) }.prefix(8).map { ($0, row[$0]) }
        var rest = row
        for (index, _) in outliers { rest[index] = 0 }
        let (q, scale) = quantize(rest[...], limit: limit)
        return (q, scale, outliers)
    }

    static func random(_ count: Int, _ generator: inout SeededGenerator, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in scale * generator.nextSigned() }
    }

    /// What the kernels should produce: bias + scale_x · scale_w · Σ q_x q_w + Σ outlier · scale_w
    /// · q_w, in Double.
    static func expected(
        version: Int32, x: [Float], w: [Float], bias: [Float], rows: Int, inputs: Int, columns: Int
    ) -> [Double] {
        let quantizedRows = (0..<rows).map { quantizeRow(x[($0 * inputs)..<(($0 + 1) * inputs)], version: version) }
        let quantizedColumns = (0..<columns).map { quantizeColumn(w[($0 * inputs)..<(($0 + 1) * inputs)]) }
        var result: [Double] = []
        for row in quantizedRows {
            for (n, column) in quantizedColumns.enumerated() {
                let sum = zip(row.q, column.q).reduce(0) { $0 + Int($1.0) * Int($1.1) }
                let outlying = row.outliers.reduce(0.0) { $0 + Double($1.1) * Double(column.q[$1.0]) }
                result.append(
                    Double(bias[n]) + Double(row.scale) * Double(column.scale) * Double(sum)
                        + Double(column.scale) * outlying)
            }
        }
        return result
    }

    @Test("packing and row quantization agree with the naive quantization", arguments: versions)
    func quantization(version: Int32) {
        var generator = SeededGenerator(seed: 7)
        let (columns, inputs) = (19, 37)
        let w = Self.random(columns * inputs, &generator)
        let paddedInputs = semfind_int8_padded_inputs(inputs)
        let paddedColumns = semfind_int8_padded_columns(columns)
        #expect(paddedInputs == 40 && paddedColumns == 32)
        var packed = [Int8](repeating: 1, count: paddedColumns * paddedInputs)
        var byInput = [Int8](repeating: 1, count: paddedColumns * inputs)
        var scales = [Float](repeating: 1, count: paddedColumns)
        var sums = [Int32](repeating: 1, count: paddedColumns)
        semfind_int8_pack_weights(w, columns, inputs, &packed, &byInput, &scales, &sums)
        for n in 0..<paddedColumns {
            let (q, scale) = n < columns ? Self.quantizeColumn(w[(n * inputs)..<((n + 1) * inputs)]) : ([], 0)
            #expect(scales[n] == scale && sums[n] == q.reduce(0) { $0 + Int32($1) }, "column \(n)")
            for i in 0..<paddedInputs {
                let stored = packed[n / 16 * 16 * paddedInputs + i / 4 * 64 + n % 16 * 4 + i % 4]
                #expect(stored == (i < q.count ? q[i] : 0), "column \(n), input \(i)")
            }
            for i in 0..<inputs {
                #expect(byInput[i * paddedColumns + n] == (n < columns ? q[i] : 0), "by input: column \(n), input \(i)")
            }
        }
        let (rows, stride) = (5, 45)
        let x = Self.random(rows * stride, &generator, scale: 3)
        var quantized = [Int8](repeating: 1, count: rows * paddedInputs)
        var rowScales = [Float](repeating: 1, count: rows)
        var outliers = [semfind_int8_outliers](repeating: semfind_int8_outliers(), count: rows)
        semfind_int8_quantize_rows(version, x, rows, inputs, stride, &quantized, &rowScales, &outliers)
        let (limit, offset, _) = Self.format(version)
        let reported = semfind_int8_row_format_of(version)
        #expect(Int(reported.limit) == limit && Int(reported.offset) == offset)
        for m in 0..<rows {
            let (q, scale) = Self.quantize(x[(m * stride)..<(m * stride + inputs)], limit: limit)
            #expect(rowScales[m] == scale && outliers[m].count == 0)
            let stored = q.map { Int8(truncatingIfNeeded: Int($0) + offset) } + [0, 0, 0]
            #expect(Array(quantized[(m * paddedInputs)..<((m + 1) * paddedInputs)]) == stored, "row \(m)")
        }
    }

    /// Weights of equal magnitude would put four products of 127 · 127 in one 16-bit lane of the
    /// AVX2 kernel; packing brings them to ±64 (4 · 64 ≤ 258 < 4 · 65). A column whose large
    /// weights fall in different quads keeps 127.
    @Test("packing keeps every quad of a column within 16 bits, at the largest limit that does")
    func quads() {
        let (columns, inputs) = (3, 21)
        let even = [Float](repeating: -0.5, count: inputs)
        let apart = (0..<inputs).map { $0 == 0 || $0 == 2 || $0 == 8 ? Float(2) : Float(0.01) }
        let together = (0..<inputs).map { [0, 1, 4, 5].contains($0) ? Float(2) : Float(0.01) }
        let (paddedColumns, paddedInputs) = (semfind_int8_padded_columns(columns), semfind_int8_padded_inputs(inputs))
        var packed = [Int8](repeating: 1, count: paddedColumns * paddedInputs)
        var byInput = [Int8](repeating: 1, count: paddedColumns * inputs)
        var scales = [Float](repeating: 1, count: paddedColumns)
        var sums = [Int32](repeating: 1, count: paddedColumns)
        semfind_int8_pack_weights(even + apart + together, columns, inputs, &packed, &byInput, &scales, &sums)
        // Column n's quantized weight of input i.
        let weight = { (i: Int, n: Int) in byInput[i * paddedColumns + n] }
        #expect(scales[0] == 0.5 / 64 && weight(0, 0) == -64 && sums[0] == -64 * Int32(inputs))
        #expect(scales[1] == 2 / 127 && weight(0, 1) == 127 && weight(2, 1) == 127)
        #expect(scales[2] == 2 / 64 && weight(0, 2) == 64 && weight(5, 2) == 64)
        for n in 0..<columns {
            let column = (0..<inputs).map { weight($0, n) }
            #expect(Self.largestQuad(column) <= SEMFIND_INT8_QUAD_LIMIT, "column \(n)")
        }
    }

    /// The entries of a row `outliers` holds, as (index, value) pairs.
    static func entries(_ outliers: semfind_int8_outliers) -> [(Int, Float)] {
        withUnsafeBytes(of: outliers.index) { indices in
            withUnsafeBytes(of: outliers.value) { values in
                (0..<Int(outliers.count)).map {
                    (
                        Int(indices.load(fromByteOffset: $0 * 4, as: UInt32.self)),
                        values.load(fromByteOffset: $0 * 4, as: Float.self)
                    )
                }
            }
        }
    }

    /// Rows of small values with a few large ones at chosen places, as transformer activations
    /// have them: one large entry; three; twelve (more than the eight set aside); none.
    @Test("a row's outliers are set aside in float32 and no longer set its scale")
    func outliers() {
        var generator = SeededGenerator(seed: 5)
        let inputs = 1030
        var x = Self.random(4 * inputs, &generator)
        x[17] = 40
        for (offset, value) in [(inputs + 3, -30), (inputs + 200, 25), (inputs + 1029, 28)] { x[offset] = Float(value) }
        for place in 0..<12 { x[2 * inputs + 30 * place] = Float(20 + place) * (place % 2 == 0 ? 1 : -1) }
        var quantized = [Int8](repeating: 1, count: 4 * semfind_int8_padded_inputs(inputs))
        var rowScales = [Float](repeating: 0, count: 4)
        var outliers = [semfind_int8_outliers](repeating: semfind_int8_outliers(), count: 4)
        semfind_int8_quantize_rows(
            Int32(SEMFIND_INT8_PORTABLE), x, 4, inputs, inputs, &quantized, &rowScales, &outliers)
        let expectedPlaces = [
            [17], [inputs + 3, inputs + 1029, inputs + 200].map { $0 - inputs }, (4..<12).reversed().map { 30 * $0 },
            [],
        ]
        for m in 0..<4 {
            let row = x[(m * inputs)..<((m + 1) * inputs)]
            let reference = Self.quantizeRow(row)
            let stored = Self.entries(outliers[m])
            #expect(stored.map(\.0) == expectedPlaces[m], "row \(m)")
            #expect(stored.map(\.0) == reference.outliers.map(\.0) && stored.map(\.1) == reference.outliers.map(\.1))
            #expect(rowScales[m] == reference.scale, "row \(m)")
            let paddedInputs = semfind_int8_padded_inputs(inputs)
            #expect(Array(quantized[(m * paddedInputs)..<(m * paddedInputs + inputs)]) == reference.q, "row \(m)")
            for (index, _) in stored { #expect(quantized[m * paddedInputs + index] == 0) }
        }
        // Row 2: the four smallest of its twelve large entries stay in the row and set its scale.
        #expect(rowScales[2] == Float(23) / 127)
        // Row 0: its scale is its small entries', not the outlier's.
        #expect(rowScales[0] < 1.0 / 127 + 1e-6)
    }

    /// Rows with up to 25 outlying entries, more than the eight places, at random places in the
    /// row and in no order of size, so that the list fills and later, larger entries push
    /// smaller ones out: every version sets aside the documented entries (the eight largest
    /// beyond its ratio, largest first) and scales the rest by the largest left, dropped entries
    /// included. The width leaves a tail past the vector versions' last full vector.
    @Test("every version sets aside the eight largest outlying entries, however many there are", arguments: versions)
    func crowdedOutliers(version: Int32) {
        var generator = SeededGenerator(seed: 11)
        let (rows, inputs) = (6, 1030)
        var x = Self.random(rows * inputs, &generator)
        for m in 0..<rows {
            let places = (0..<inputs).shuffled(using: &generator).prefix(5 * m)
            for (order, place) in places.enumerated() {
                x[m * inputs + place] = (12 + Float(order) * 0.37) * (order % 3 == 0 ? -1 : 1)
            }
        }
        var quantized = [Int8](repeating: 1, count: rows * semfind_int8_padded_inputs(inputs))
        var rowScales = [Float](repeating: 0, count: rows)
        var outliers = [semfind_int8_outliers](repeating: semfind_int8_outliers(), count: rows)
        semfind_int8_quantize_rows(version, x, rows, inputs, inputs, &quantized, &rowScales, &outliers)
        for m in 0..<rows {
            let reference = Self.quantizeRow(x[(m * inputs)..<((m + 1) * inputs)], version: version)
            let stored = Self.entries(outliers[m])
            #expect(stored.map(\.0) == reference.outliers.map(\.0), "version \(version), row \(m)")
            #expect(stored.map(\.1) == reference.outliers.map(\.1), "version \(version), row \(m)")
            #expect(rowScales[m] == reference.scale, "version \(version), row \(m)")
            let (padded, offset) = (semfind_int8_padded_inputs(inputs), Self.format(version).offset)
            let expected = reference.q.map { Int8(truncatingIfNeeded: Int($0) + offset) }
            #expect(Array(quantized[(m * padded)..<(m * padded + inputs)]) == expected, "version \(version), row \(m)")
        }
        #expect(outliers[5].count == 8)
    }

    /// The point of setting outliers aside: with two large entries in each row, the int8 product
    /// stays close to the float product, where quantizing the large entries with the rest loses
    /// the small entries' contribution. The width spans more than one pass of the vector
    /// versions' outlier sums (64 columns), with a part left over.
    @Test("rows with outlying entries: the product stays near the float one", arguments: versions)
    func outlyingProduct(version: Int32) {
        var generator = SeededGenerator(seed: 3)
        let (rows, inputs, columns) = (9, 386, 133)
        var x = Self.random(rows * inputs, &generator)
        for m in 0..<rows {
            x[m * inputs + 7 * m] = 60
            x[m * inputs + 200 + m] = -40
        }
        let w = Self.random(columns * inputs, &generator, scale: 0.1)
        let bias = [Float](repeating: 0, count: columns)
        Self.check(version: version, x: x, w: w, bias: bias, rows: rows, inputs: inputs, columns: columns)
        let y = Prepared(version: version, x: x, w: w, bias: bias, rows: rows, inputs: inputs, columns: columns)
            .run(stride: columns)
        // The same product with each row quantized whole, on its outlier's scale, in Double.
        let rowsQuantizedWhole = (0..<rows).map { Self.quantize(x[($0 * inputs)..<(($0 + 1) * inputs)]) }
        var (worst, worstQuantizedWhole) = (0.0, 0.0)
        for m in 0..<rows {
            for n in 0..<columns {
                let weights = w[(n * inputs)..<((n + 1) * inputs)]
                let exact = zip(x[(m * inputs)..<((m + 1) * inputs)], weights).reduce(0.0) { $0 + Double($1.0 * $1.1) }
                let whole = zip(rowsQuantizedWhole[m].q, weights).reduce(0.0) {
                    $0 + Double($1.0) * Double(rowsQuantizedWhole[m].scale) * Double($1.1)
                }
                worst = max(worst, abs(Double(y[m * columns + n]) - exact))
                worstQuantizedWhole = max(worstQuantizedWhole, abs(whole - exact))
            }
        }
        // Set aside, the outlier errs only by its weights' rounding (60 · 0.1/254 at most); quantized
        // with the rest, the small entries are rounded to steps of 60/127.
        #expect(worst * 5 < worstQuantizedWhole, "version \(version): \(worst) against \(worstQuantizedWhole)")
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

    /// Every input and weight of equal magnitude in random sign patterns: rows at the ends of
    /// their range (±127; ±63 in 7-bit), weights at ±64, the most a quad of equal weights may
    /// hold: the largest sums of 16 bits there are, where a kernel that saturated them would go
    /// wrong.
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

    /// x · wᵀ + bias made ready for `version` as the encoder makes it: w packed, x's rows
    /// quantized in the version's row format.
    struct Prepared {
        let rows: Int
        let columns: Int
        let weights: Int8Weights
        let quantized: QuantizedRows

        init(version: Int32, x: [Float], w: [Float], bias: [Float], rows: Int, inputs: Int, columns: Int) {
            (self.rows, self.columns) = (rows, columns)
            weights = Int8Weights(weights: w, bias: bias, columns: columns, inputs: inputs)
            quantized = QuantizedRows(rows: rows, inputs: inputs)
            quantized.quantize(x, rows: rows, inputs: inputs, version: version)
        }

        /// The version's output for columns from `first` on, in rows of `stride` (NaN elsewhere).
        func run(first: Int = 0, stride: Int) -> [Float] {
            var y = [Float](repeating: .nan, count: rows * stride)
            weights.multiply(quantized, columns: first..<columns, into: &y, yStride: stride)
            return y
        }
    }

    /// Runs `version` on x · wᵀ + bias, over the whole width and from the second block on, and
    /// compares with the naive product in the version's row format; also checks that nothing
    /// outside the columns is written.
    static func check(version: Int32, x: [Float], w: [Float], bias: [Float], rows: Int, inputs: Int, columns: Int) {
        let expected = Self.expected(
            version: version, x: x, w: w, bias: bias, rows: rows, inputs: inputs, columns: columns)
        let prepared = Prepared(version: version, x: x, w: w, bias: bias, rows: rows, inputs: inputs, columns: columns)
        // The whole width, then only the columns from the second block on (if any).
        for first in Set([0, min(16, columns / 16 * 16)]) {
            let stride = columns + 3
            let y = prepared.run(first: first, stride: stride)
            var worst: Double = 0
            for m in 0..<rows {
                for n in 0..<stride {
                    let value = y[m * stride + n]
                    guard n >= first && n < columns else {
                        #expect(value.isNaN, "version \(version): wrote outside its columns at \(m), \(n)")
                        continue
                    }
                    let reference = expected[m * columns + n]
                    let difference = abs(Double(value) - reference) / max(1, abs(reference))
                    worst = difference.isNaN ? .infinity : max(worst, difference)  // NaN: left unwritten
                }
            }
            #expect(worst < 1e-5, "version \(version), \(rows)x\(inputs)x\(columns) from \(first): \(worst)")
        }
    }
}
