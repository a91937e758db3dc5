import TextEncoder

/// Loads the encoder once (once per precision) for several indexes or requests. Queries are encoded one at a time
/// on one thread by default: a second encoder thread competes with the search's own second
/// thread on a two-core machine (serve p50 50 ms with two, 33 ms with one; docs/PERFORMANCE.md).
final class SharedEncoder {
    let options: EncoderOptions
    private var encoders: [EncoderPrecision: SentenceEncoder] = [:]

    init(options: EncoderOptions) { self.options = options }

    func load(_ precision: EncoderPrecision) throws -> SentenceEncoder {
        if let encoder = encoders[precision] { return encoder }
        let loaded = try options.loadEncoder(defaultThreads: 1, precision: precision)
        encoders[precision] = loaded
        return loaded
    }
}
