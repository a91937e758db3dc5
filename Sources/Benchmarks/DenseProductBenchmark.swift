import CKernels
import Dispatch
import SemfindCore
import TextEncoder

/// `semfind bench products`' engine: the products of one encoder layer's dense layers, timed
/// on one thread as the encoder runs them when it embeds many texts (each thread its own
/// batch), in float32 (the encoder's own `Linear`) and in int8 with every kernel version
/// the processor runs (the row quantization and the outliers included, as `Int8Linear` calls
/// them, and the integer product alone). The inputs are Gaussian rows with a few large fixed
/// channels, as a transformer's are.
public struct DenseProductBenchmark {
    /// A product's shape: `rows` rows of `inputs` values times a matrix of `outputs` columns.
    public struct Shape: Sendable {
        public let name: String
        public let inputs: Int
        public let outputs: Int
    }

    public let rows: Int
    public let shapes: [Shape]
    /// Timed runs of each product (the median is reported).
    public let runs: Int

    /// The four products of a BERT layer of width `hidden`: query, key and value together, the
    /// attention's output, and the feed-forward's two.
    public init(rows: Int, hidden: Int, intermediate: Int, runs: Int) {
        self.rows = rows
        self.runs = runs
        shapes = [
            Shape(name: "query-key-value", inputs: hidden, outputs: 3 * hidden),
            Shape(name: "attention-output", inputs: hidden, outputs: hidden),
            Shape(name: "intermediate", inputs: hidden, outputs: intermediate),
            Shape(name: "output", inputs: intermediate, outputs: hidden),
        ]
    }

    /// The kernels timed: float32, then each int8 version the processor runs, best last, as
    /// the encoder runs it and as its integer product alone ("-product": the rows quantized
    /// beforehand and their outliers left out).
    public static var kernels: [String] {
        ["fp32"] + int8Versions.flatMap { ["int8-\($0.name)", "int8-\($0.name)-product"] }
    }

    private static let int8Versions: [(name: String, version: Int32)] = [
        ("portable", Int32(SEMFIND_INT8_PORTABLE)), ("avx2", Int32(SEMFIND_INT8_AVX2)),
        ("avx-vnni", Int32(SEMFIND_INT8_AVX_VNNI)), ("vnni", Int32(SEMFIND_INT8_VNNI)),
    ].filter { semfind_int8_supports($0.1) != 0 }

    public func measure() -> DenseProductReport {
        // One OpenBLAS thread, and its idle pool stopped: a pool's waiting threads spin on the
        // other cores and slow the timed one.
        semfind_quiet_blas_threads()
        var generator = SeededGenerator(seed: 19)
        var report = DenseProductReport(rows: rows, kernels: Self.kernels, products: [])
        for shape in shapes {
            // In buffers of their own, as the encoder's layers hold theirs.
            let input = Self.buffer(Self.activations(rows: rows, width: shape.inputs, generator: &generator))
            let weights = (0..<(shape.outputs * shape.inputs)).map { _ in 0.05 * generator.nextGaussian() }
            let bias = (0..<shape.outputs).map { _ in 0.1 * generator.nextGaussian() }
            let output = Self.buffer([Float](repeating: 0, count: rows * shape.outputs))
            defer { [input, output].forEach { $0.deallocate() } }
            let float32 = Linear(weights: weights, bias: bias, outputs: shape.outputs, inputs: shape.inputs)
            let bodies =
                [{ float32.forward(input, rows: rows, into: output) }]
                + Self.int8Versions.flatMap { kernel in
                    let int8 = Int8Linear(concatenating: [float32], kernel: kernel.version)
                    let whole = QuantizedRows(rows: rows, inputs: shape.inputs)
                    let product = QuantizedRows(rows: rows, inputs: shape.inputs)
                    product.quantize(input, rows: rows, inputs: shape.inputs, version: kernel.version)
                    product.dropOutliers()
                    return [
                        { int8.forward(input, rows: rows, into: output, quantizingInto: whole) },
                        {
                            int8.weights.multiply(
                                product, columns: 0..<shape.outputs, into: output, yStride: shape.outputs)
                        },
                    ]
                }
            let milliseconds = medians(timing: bodies)
            report.products.append(
                DenseProductReport.Product(
                    name: shape.name, inputs: shape.inputs, outputs: shape.outputs, milliseconds: milliseconds))
        }
        return report
    }

    /// Gaussian rows in which four fixed channels are 20 times larger, as a transformer's
    /// hidden states have a few.
    static func activations(rows: Int, width: Int, generator: inout SeededGenerator) -> [Float] {
        let large = Set([3, width / 5, width / 2, width - 7])
        var values = [Float](repeating: 0, count: rows * width)
        for row in 0..<rows {
            for column in 0..<width {
                values[row * width + column] = (large.contains(column) ? 20 : 1) * generator.nextGaussian()
            }
        }
        return values
    }

    /// A copy of `values` in memory of its own, for the caller to deallocate.
    private static func buffer(_ values: [Float]) -> UnsafeMutablePointer<Float> {
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: values.count)
        buffer.initialize(from: values, count: values.count)
        return buffer
    }

    /// The median milliseconds of each of `bodies` over `runs` rounds, after one untimed call of
    /// each. A round calls every body once, so that a slow spell of a shared machine falls on
    /// all of them alike.
    private func medians(timing bodies: [() -> Void]) -> [Double] {
        for body in bodies { body() }
        var times = [[Double]](repeating: [], count: bodies.count)
        for _ in 0..<runs {
            for (index, body) in bodies.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                body()
                times[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        return times.map { $0.sorted()[$0.count / 2] }
    }
}
