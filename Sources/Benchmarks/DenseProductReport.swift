import Foundation

/// `semfind bench products`' figures: per product, the median milliseconds of each kernel, and
/// what they mean in multiply-adds per second and against float32.
public struct DenseProductReport: Codable, Equatable, Sendable {
    public struct Product: Codable, Equatable, Sendable {
        public let name: String
        public let inputs: Int
        public let outputs: Int
        /// Per kernel, in the report's order of kernels.
        public let milliseconds: [Double]

        public init(name: String, inputs: Int, outputs: Int, milliseconds: [Double]) {
            self.name = name
            self.inputs = inputs
            self.outputs = outputs
            self.milliseconds = milliseconds
        }
    }

    public let rows: Int
    public let kernels: [String]
    public var products: [Product]

    public init(rows: Int, kernels: [String], products: [Product]) {
        self.rows = rows
        self.kernels = kernels
        self.products = products
    }

    /// Billions of multiply-adds per second of `kernel` over `products`, all of them when nil
    /// (the layer's products one after another).
    public func gigaMultiplyAddsPerSecond(kernel: Int, product: Int? = nil) -> Double {
        let chosen = product.map { [products[$0]] } ?? products
        let multiplyAdds = chosen.reduce(0.0) { $0 + Double(rows * $1.inputs * $1.outputs) }
        let milliseconds = chosen.reduce(0.0) { $0 + $1.milliseconds[kernel] }
        return multiplyAdds / milliseconds / 1e6
    }

    /// A line per product and one for the whole layer: multiply-adds per second of each kernel,
    /// and each kernel's speed over float32 (the first kernel).
    public var text: String {
        let heading =
            "\(rows) rows, one thread; billions of multiply-adds per second (speed over fp32)"
        let titles = ["product", "inputs", "outputs"] + kernels
        var cells = [titles]
        for index in products.indices.map(Optional.some) + [nil] {
            let name = index.map { products[$0].name } ?? "layer"
            let shape = index.map { ["\(products[$0].inputs)", "\(products[$0].outputs)"] } ?? ["", ""]
            let rates = kernels.indices.map { gigaMultiplyAddsPerSecond(kernel: $0, product: index) }
            let figures = rates.enumerated().map { kernel, rate in
                kernel == 0 ? String(format: "%.1f", rate) : String(format: "%.1f (%.2fx)", rate, rate / rates[0])
            }
            cells.append([name] + shape + figures)
        }
        let widths = titles.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let lines = cells.map { row in
            row.enumerated().map { column, cell in
                column == 0
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return ([heading] + lines).joined(separator: "\n")
    }
}
