import ArgumentParser
import Foundation
import SemfindCore
import TextEncoder

/// `semfind bench …`: reproducible speed measurements.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure semfind's speed.",
        subcommands: [Embed.self, Search.self, Grow.self, Recall.self])

    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "embed",
            abstract: "Time the encoder on a file of texts, one per line: texts/s and tokens/s, or query latency.")

        @Option(name: .long, help: "File with one text per line.")
        var file: String

        @Option(name: .long, help: "Texts per forward pass.")
        var batchSize = 32

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
            let tokens = encoder.tokenizeAll(texts).reduce(0) { $0 + $1.count }
            let result = queries ? measureLatency(encoder, texts) : measureThroughput(encoder, texts, tokens: tokens)
            var fields = result
            fields["file"] = file
            fields["texts"] = texts.count
            fields["tokens"] = tokens
            fields["batch_size"] = queries ? 1 : batchSize
            fields["threads"] = encoder.threads
            fields["encoder_precision"] = encoder.precision.rawValue
            if encoder.precision == .int8 { fields["int8_kernel"] = precisionOptions.int8Kernel.resolved.rawValue }
            if json {
                let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                for key in fields.keys.sorted() {
                    print("\(key.padding(toLength: 16, withPad: " ", startingAt: 0)) \(Self.format(fields[key] ?? ""))")
                }
            }
        }

        private func measureThroughput(_ encoder: SentenceEncoder, _ texts: [String], tokens: Int) -> [String: Any] {
            _ = encoder.encode(Array(texts.prefix(batchSize * 2)), batchSize: batchSize)
            var seconds: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = encoder.encode(texts, batchSize: batchSize)
                seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            let median = seconds.sorted()[seconds.count / 2]
            return [
                "seconds_median": median, "seconds_runs": seconds, "texts_per_second": Double(texts.count) / median,
                "tokens_per_second": Double(tokens) / median,
            ]
        }

        private func measureLatency(_ encoder: SentenceEncoder, _ texts: [String]) -> [String: Any] {
            for text in texts.prefix(20) { _ = encoder.encode([text]) }
            var milliseconds: [Double] = []
            for _ in 0..<runs {
                for text in texts {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = encoder.encode([text])
                    milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
            }
            let sorted = milliseconds.sorted()
            let percentile = { (p: Double) in sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))] }
            return [
                "latency_p50_ms": percentile(0.50), "latency_p99_ms": percentile(0.99),
                "texts_per_second": 1000 / (milliseconds.reduce(0, +) / Double(milliseconds.count)),
            ]
        }

        private static func format(_ value: Any) -> String {
            if let number = value as? Double { return String(format: "%.3f", number) }
            if let numbers = value as? [Double] {
                return numbers.map { String(format: "%.3f", $0) }.joined(separator: " ")
            }
            return "\(value)"
        }
    }
}
