import TextEncoder

/// Loads the encoder once for several indexes or requests. Queries are encoded one at a time
/// on one thread by default: a second encoder thread competes with the search's own second
/// thread on a two-core machine (serve p50 50 ms with two, 33 ms with one; docs/PERFORMANCE.md).
final class SharedEncoder {
    let options: EncoderOptions
    private var encoder: SentenceEncoder?

    init(options: EncoderOptions) { self.options = options }

    func load() throws -> SentenceEncoder {
        if let encoder { return encoder }
        let loaded = try options.loadEncoder(defaultThreads: 1)
        encoder = loaded
        return loaded
    }
}
