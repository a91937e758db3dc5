import SemfindCore

/// The model an index's vectors come from, as the index records it: the rule every backend
/// applies before an encoder writes to it (vectors of two models never mix).
public struct ModelBinding: Sendable, Equatable {
    /// What the recorded model's weights hash to (`TextEncoder`'s fingerprint).
    public let fingerprint: String
    /// The model files' signature when the fingerprint was last computed or confirmed.
    public let signature: String?
    public let name: String?
    /// The dimension of the index's vectors.
    public let dimension: Int?

    /// How an encoder was found to match the recorded model.
    public enum Match: Sendable, Equatable {
        /// The model files are the ones recorded: nothing was hashed.
        case sameFiles
        /// The files changed but hash to the recorded fingerprint: record their new signature.
        case sameModel
    }

    public init(fingerprint: String, signature: String?, name: String?, dimension: Int?) {
        self.fingerprint = fingerprint
        self.signature = signature
        self.name = name
        self.dimension = dimension
    }

    /// Checks that the encoder named `name`, whose files have `signature` and whose vectors have
    /// `dimension` components, is the recorded model; `fingerprint` hashes its weights and is
    /// called only when the signature differs.
    ///
    /// - Throws: `SemfindError` `.invalidInput` naming both models (and both dimensions, when
    ///   they differ) and the way to start `index` again with the other one (`advice`).
    public func check(
        fingerprint computeFingerprint: () -> String, signature: String, name: String, dimension: Int, index: String,
        advice: RebuildAdvice = .rebuildInPlace
    ) throws -> Match {
        let storedName = self.name ?? "another model"
        if let stored = self.dimension, stored != dimension {
            throw SemfindError(
                .invalidInput,
                "index \(index) holds \(stored)-dimensional vectors of \(storedName), and \(name) makes \(dimension); leave out --model to use \(storedName), or "
                    + advice.sentence("--model \(name)")
            )
        }
        if self.signature == signature { return .sameFiles }
        let computed = computeFingerprint()
        guard computed == fingerprint else {
            throw SemfindError(
                .invalidInput,
                "index \(index) was built with \(storedName) (\(fingerprint)), not \(name) (\(computed)); leave out --model to use \(storedName), or "
                    + advice.sentence("--model \(name)")
            )
        }
        return .sameModel
    }
}
