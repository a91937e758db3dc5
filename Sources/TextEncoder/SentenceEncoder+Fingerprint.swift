import Foundation

extension SentenceEncoder {
    /// Identifies what this encoder computes: a hash of the weights, the tokenizer files, the
    /// pooling and length settings and the encoder's own version. Two encoders with the same
    /// fingerprint give the same vectors; an index refuses vectors from any other.
    public func fingerprint() -> String {
        var hash = ModelFingerprint.hash(weights.fileBytes)
        for file in ["tokenizer.json", "vocab.txt", "tokenizer_config.json"] {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(file)) {
                hash = data.withUnsafeBytes { ModelFingerprint.hash($0, seed: hash) }
            }
        }
        let settings =
            "\(pooling.mode.rawValue) normalize=\(pooling.normalize) max=\(maxLength) \(Self.implementationVersion)"
        hash = ModelFingerprint.hash(settings, seed: hash)
        let hex = String(hash, radix: 16)
        return "\(name)-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
