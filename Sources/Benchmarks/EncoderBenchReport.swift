import Foundation

/// `semfind bench embed`'s figures: one JSON object, or a line per field in key order.
public struct EncoderBenchReport: Codable, Equatable, Sendable {
    public var file: String
    public var texts: Int
    public var tokens: Int
    public var batchSize: Int
    public var threads: Int
    public var encoderPrecision: String
    public var int8Kernel: String?
    public var textsPerSecond: Double
    public var secondsMedian: Double?
    public var secondsRuns: [Double]?
    public var tokensPerSecond: Double?
    public var latencyP50Ms: Double?
    public var latencyP99Ms: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, texts, tokens, threads
        case batchSize = "batch_size", encoderPrecision = "encoder_precision", int8Kernel = "int8_kernel"
        case textsPerSecond = "texts_per_second", secondsMedian = "seconds_median", secondsRuns = "seconds_runs"
        case tokensPerSecond = "tokens_per_second", latencyP50Ms = "latency_p50_ms", latencyP99Ms = "latency_p99_ms"
    }

    /// A line per field present, in key order: the key padded to 16 characters, then the value
    /// (seconds and rates to three decimals).
    public var lines: [String] {
        CodingKeys.allCases.sorted { $0.rawValue < $1.rawValue }.compactMap { key in
            shown(key).map { "\(key.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \($0)" }
        }
    }

    private func shown(_ key: CodingKeys) -> String? {
        let decimals = { (value: Double) in String(format: "%.3f", value) }
        switch key {
        case .file: return file
        case .texts: return "\(texts)"
        case .tokens: return "\(tokens)"
        case .threads: return "\(threads)"
        case .batchSize: return "\(batchSize)"
        case .encoderPrecision: return encoderPrecision
        case .int8Kernel: return int8Kernel
        case .textsPerSecond: return decimals(textsPerSecond)
        case .secondsMedian: return secondsMedian.map(decimals)
        case .secondsRuns: return secondsRuns.map { $0.map(decimals).joined(separator: " ") }
        case .tokensPerSecond: return tokensPerSecond.map(decimals)
        case .latencyP50Ms: return latencyP50Ms.map(decimals)
        case .latencyP99Ms: return latencyP99Ms.map(decimals)
        }
    }
}
