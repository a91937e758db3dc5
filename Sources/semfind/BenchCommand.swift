import ArgumentParser
import Benchmarks
import Foundation
import ResultOutput
import SemfindCore
import TextEncoder

/// `semfind bench …`: reproducible speed measurements.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure semfind's speed.",
        subcommands: [Embed.self, Products.self, Search.self, Grow.self, Recall.self])

    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "embed",
            abstract: "Time the encoder on a file of texts, one per line: texts/s and tokens/s, or query latency.")

        @Option(name: .long, help: "File with one text per line.")
        var file: String

        @Option(name: .long, help: "Texts per forward pass.")
        var batchSize = SentenceEncoder.defaultBatchSize

        @Option(name: .long, help: "Timed runs (the median is reported).")
        var runs = 3

        @Flag(name: .long, help: "Encode the texts one at a time and report latency p50/p99.")
        var queries = false

        @Flag(name: .long, help: "Print one JSON object.")
        var json = false

        @OptionGroup var encoderOptions: EncoderOptions

        @OptionGroup var precisionOptions: EncoderPrecisionOptions

        func validate() throws {
            guard batchSize > 0, runs > 0 else { throw ValidationError("--batch-size and --runs must be at least 1") }
        }

        func run() throws {
            guard let content = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw SemfindError(.invalidInput, "cannot read \(file) as UTF-8 text")
            }
            let texts = content.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard !texts.isEmpty else { throw SemfindError(.invalidInput, "\(file) holds no texts") }
            let encoder = try encoderOptions.loadEncoder(
                precision: precisionOptions.encoderPrecision, int8Kernel: precisionOptions.int8Kernel)
            let report = EncoderBenchmark(encoder: encoder, texts: texts, runs: runs).measure(
                queries ? .latency : .throughput(batchSize: batchSize), file: file, kernel: precisionOptions.int8Kernel)
            print(json ? JSONLine.encode(report) : report.lines.map { $0 + "\n" }.joined(), terminator: "")
        }
    }
}
