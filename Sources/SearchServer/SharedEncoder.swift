import TextEncoder

/// Loads the encoder once (once per precision) for several indexes or requests: a long-lived
/// server's searches and indexing share it.
public final class SharedEncoder {
    private let loader: (EncoderPrecision) throws -> SentenceEncoder
    private var encoders: [EncoderPrecision: SentenceEncoder] = [:]

    /// `loader` loads the encoder of a precision; it is called once per precision.
    public init(loader: @escaping (EncoderPrecision) throws -> SentenceEncoder) { self.loader = loader }

    public func load(_ precision: EncoderPrecision) throws -> SentenceEncoder {
        if let encoder = encoders[precision] { return encoder }
        let loaded = try loader(precision)
        encoders[precision] = loaded
        return loaded
    }
}
