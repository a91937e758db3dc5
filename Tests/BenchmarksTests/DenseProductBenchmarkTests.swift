import Benchmarks
import Foundation
import Testing

/// `semfind bench products`: one encoder layer's four dense products, timed in float32 and in
/// each int8 kernel the processor runs, and their rates against float32.
@Suite struct DenseProductBenchmarkTests {
    @Test func timesEveryProductOfALayerInEveryKernel() {
        let report = DenseProductBenchmark(rows: 8, hidden: 32, intermediate: 64, runs: 1).measure()
        #expect(report.products.map(\.name) == ["query-key-value", "attention-output", "intermediate", "output"])
        #expect(report.products.map(\.inputs) == [32, 32, 32, 64])
        #expect(report.products.map(\.outputs) == [96, 32, 64, 32])
        #expect(report.kernels.starts(with: ["fp32", "int8-portable", "int8-portable-product"]))
        for product in report.products {
            #expect(product.milliseconds.count == report.kernels.count)
            #expect(product.milliseconds.allSatisfy { $0 > 0 })
        }
    }

    @Test func ratesCountMultiplyAddsOverTimeAndTheLayerSumsItsProducts() throws {
        let report = DenseProductReport(
            rows: 1000, kernels: ["fp32", "int8-avx2"],
            products: [
                .init(name: "a", inputs: 100, outputs: 10, milliseconds: [1, 0.5]),
                .init(name: "b", inputs: 100, outputs: 30, milliseconds: [3, 1]),
            ])
        // a: 10^6 multiply-adds in 1 ms is 1 billion a second.
        #expect(report.gigaMultiplyAddsPerSecond(kernel: 0, product: 0) == 1)
        #expect(report.gigaMultiplyAddsPerSecond(kernel: 1, product: 1) == 3)
        // The layer: 4 * 10^6 multiply-adds in 4 ms (fp32) and in 1.5 ms (int8).
        #expect(report.gigaMultiplyAddsPerSecond(kernel: 0) == 1)
        #expect(abs(report.gigaMultiplyAddsPerSecond(kernel: 1) - 4 / 1.5) < 1e-9)
        let lines = report.text.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[1].contains("int8-avx2"))
        #expect(lines[2].hasPrefix("a ") && lines[2].hasSuffix("2.0 (2.00x)"))
        #expect(lines[3].hasPrefix("b ") && lines[3].hasSuffix("3.0 (3.00x)"))
        #expect(lines[4].hasPrefix("layer ") && lines[4].hasSuffix("2.7 (2.67x)"))
        let decoded = try JSONDecoder().decode(DenseProductReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
    }
}
