import ArgumentParser
import Benchmarks
import ResultOutput

extension BenchCommand {
    /// `semfind bench products`: the dense products of one encoder layer in float32 and in each
    /// int8 kernel the processor runs, on one thread, with no model needed.
    struct Products: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time one encoder layer's dense products in fp32 and in every int8 kernel the processor runs.",
            discussion: """
                Each product runs on one thread, as the encoder runs a batch when it embeds many texts. \
                An int8 kernel's time includes quantizing the rows and adding their outliers; its \
                "-product" column times the integer product alone. The default shapes are \
                all-MiniLM-L6-v2's (768 and 3072 for all-mpnet-base-v2).
                """)

        @Option(name: .long, help: "Rows (tokens) per product.")
        var rows = 256

        @Option(name: .long, help: "Width of the layer's hidden states.")
        var hidden = 384

        @Option(name: .long, help: "Width of the feed-forward's intermediate layer.")
        var intermediate = 1536

        @Option(name: .long, help: "Timed runs of each product (the median is reported).")
        var runs = 9

        @Flag(name: .long, help: "Print one JSON object.")
        var json = false

        func validate() throws {
            guard rows > 0, hidden > 0, intermediate > 0, runs > 0 else {
                throw ValidationError("--rows, --hidden, --intermediate and --runs must be at least 1")
            }
            guard rows * max(hidden, intermediate) <= 1 << 26, 3 * hidden * max(hidden, intermediate) <= 1 << 26 else {
                throw ValidationError("--rows and the widths must keep each matrix within 2^26 values")
            }
        }

        func run() throws {
            let report = DenseProductBenchmark(rows: rows, hidden: hidden, intermediate: intermediate, runs: runs)
                .measure()
            print(json ? JSONLine.encode(report) : report.text)
        }
    }
}
