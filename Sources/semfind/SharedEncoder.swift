import TextEncoder

/// Loads the encoder once for several indexes.
final class SharedEncoder {
    let options: EncoderOptions
    private var encoder: SentenceEncoder?

    init(options: EncoderOptions) { self.options = options }

    func load() throws -> SentenceEncoder {
        if let encoder { return encoder }
        let loaded = try options.loadEncoder()
        encoder = loaded
        return loaded
    }
}
