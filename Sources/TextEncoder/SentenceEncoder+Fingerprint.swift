import Foundation
import SemfindCore

extension SentenceEncoder {
    /// Identifies what this encoder computes: a hash of the weights, the tokenizer files, the
    /// pooling and length settings, the encoder's own version and (for int8 only, so that float32
    /// fingerprints stay as they were) the precision. Two encoders with the same fingerprint give
    /// the same vectors; an index refuses vectors from any other.
    public func fingerprint() -> String {
        var hash = XXHash64.hash(weights.fileBytes)
        for file in ["tokenizer.json", "vocab.txt", "tokenizer_config.json"] {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(file)) {
                hash = data.withUnsafeBytes { XXHash64.hash($0, seed: hash) }
            }
        }
        let settings =
            "\(pooling.mode.rawValue) normalize=\(pooling.normalize) max=\(maxLength) \(Self.implementationVersion)"
            + precisionSuffix
        hash = XXHash64.hash(settings, seed: hash)
        return "\(name)-" + XXHash64.hex(hash)
    }
}

extension SentenceEncoder {
    /// A cheap stand-in for `fingerprint()`: which model files these are on disk (device,
    /// inode, size, modification time) and the settings. While it equals the signature recorded
    /// beside a fingerprint, that fingerprint still holds and the weights need no new hash — a
    /// query then starts without reading 90 MB.
    public func fileSignature() -> String {
        let files =
            [weights.path]
            + ["tokenizer.json", "vocab.txt", "tokenizer_config.json"].map {
                folder.appendingPathComponent($0).path
            }
        let identities = files.map { path -> String in
            guard case .success(let status) = FileStatus.ofTarget(path) else { return "-" }
            return "\(status.identity.device):\(status.identity.inode):\(status.size):\(status.modified)"
        }
        let settings = "\(pooling.mode.rawValue) normalize=\(pooling.normalize) max=\(maxLength)" + precisionSuffix
        return (identities + [settings, Self.implementationVersion]).joined(separator: " ")
    }
}

extension SentenceEncoder {
    /// What the precision adds to the fingerprint and signature: nothing for float32.
    var precisionSuffix: String { precision == .fp32 ? "" : " precision=\(precision.rawValue)" }
}
