import Dispatch
import Foundation
import TextEncoder

/// `semfind bench embed`'s engine: the encoder timed on a file's texts, either all of them in
/// batches (texts and tokens per second, the median of the runs) or one at a time, as queries
/// are encoded (latency percentiles).
public struct EncoderBenchmark {
    public enum Mode: Sendable {
        case throughput(batchSize: Int)
        case latency
    }

    public let encoder: SentenceEncoder
    public let texts: [String]
    /// Timed runs over every text.
    public let runs: Int

    public init(encoder: SentenceEncoder, texts: [String], runs: Int) {
        self.encoder = encoder
        self.texts = texts
        self.runs = runs
    }

    /// The figures of `mode`, labelled with `file` and with the int8 kernel `kernel` resolves to
    /// when the encoder's precision is int8.
    public func measure(_ mode: Mode, file: String, kernel: Int8Kernel) -> EncoderBenchReport {
        let tokens = encoder.tokenizeAll(texts).reduce(0) { $0 + $1.count }
        var report = EncoderBenchReport(
            file: file, texts: texts.count, tokens: tokens, batchSize: 1, threads: encoder.threads,
            encoderPrecision: encoder.precision.rawValue,
            int8Kernel: encoder.precision == .int8 ? kernel.resolved.rawValue : nil, textsPerSecond: 0)
        switch mode {
        case .throughput(let batchSize):
            report.batchSize = batchSize
            let seconds = throughputSeconds(batchSize: batchSize)
            let median = seconds.sorted()[seconds.count / 2]
            report.secondsMedian = median
            report.secondsRuns = seconds
            report.textsPerSecond = Double(texts.count) / median
            report.tokensPerSecond = Double(tokens) / median
        case .latency:
            let milliseconds = latencyMilliseconds().sorted()
            let percentile = { (p: Double) in
                milliseconds[min(milliseconds.count - 1, Int(p * Double(milliseconds.count)))]
            }
            report.latencyP50Ms = percentile(0.50)
            report.latencyP99Ms = percentile(0.99)
            report.textsPerSecond = 1000 / (milliseconds.reduce(0, +) / Double(milliseconds.count))
        }
        return report
    }

    /// Seconds of each run over every text, after a warm-up of two batches.
    private func throughputSeconds(batchSize: Int) -> [Double] {
        _ = encoder.encode(Array(texts.prefix(batchSize * 2)), batchSize: batchSize)
        return (0..<runs).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            _ = encoder.encode(texts, batchSize: batchSize)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
    }

    /// Milliseconds of each text encoded alone, every run, after a warm-up of 20 texts.
    private func latencyMilliseconds() -> [Double] {
        for text in texts.prefix(20) { _ = encoder.encode([text]) }
        var milliseconds: [Double] = []
        for _ in 0..<runs {
            for text in texts {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = encoder.encode([text])
                milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        return milliseconds
    }
}
