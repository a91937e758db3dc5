import Foundation
import SemfindCore

extension SentenceEncoder {
    /// Identifies the model this encoder computes: a hash of the weights, the tokenizer files,
    /// the pooling, normalization, length and prompt settings and the encoder's own version.
    /// The arithmetic (`precision`) is not part of it: an index records it beside the
    /// fingerprint, and refuses vectors of another model or another precision.
    public func fingerprint() -> String {
        var hash = weights.hashFile()
        for file in ["tokenizer.json", "vocab.txt", "tokenizer_config.json"] {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(file)) {
                hash = data.withUnsafeBytes { XXHash64.hash($0, seed: hash) }
            }
        }
        hash = XXHash64.hash(settings + " " + Self.implementationVersion, seed: hash)
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
        return (identities + [settings, Self.implementationVersion]).joined(separator: " ")
    }
}

extension SentenceEncoder {
    /// The settings that change what the same weights compute: pooling, normalization, length
    /// and, when there are any, the prompts (a model without prompts keeps the fingerprint it
    /// had before prompts were read).
    var settings: String {
        let base = "\(pooling.mode.rawValue) normalize=\(pooling.normalize) max=\(maxLength)"
        guard prompts != .none else { return base }
        return base + " query=\(prompts.query.debugDescription) passage=\(prompts.passage.debugDescription)"
    }
}
