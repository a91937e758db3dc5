import SemfindCore

/// The rules of what an index records of its encoder beyond the model (`ModelBinding`): the
/// prompts its vectors were read with and the encoder's arithmetic. Like two models, two
/// prompts or two arithmetics never mix in one index; each backend applies these rules.
public enum EncoderRecord {
    /// Refuses `given` prompts when the index's vectors of the same model were embedded with
    /// `stored` ones (nil: no vector yet).
    public static func checkPrefixes(
        stored: (query: String, passage: String)?, given: (query: String, passage: String), index: String,
        advice: RebuildAdvice = .rebuildInPlace
    ) throws {
        guard let stored else { return }
        for (role, storedPrefix, prefix) in [
            ("query", stored.query, given.query), ("passage", stored.passage, given.passage),
        ]
        where storedPrefix != prefix {
            throw SemfindError(
                .invalidInput,
                "index \(index) was embedded with the \(role) prefix \(storedPrefix.debugDescription), not "
                    + "\(prefix.debugDescription); leave out --\(role)-prefix to keep it, or "
                    + advice.sentence("--\(role)-prefix \(prefix.debugDescription)"))
        }
    }

    /// Refuses an encoder of another arithmetic than the one the index's vectors came from.
    public static func checkPrecision(
        stored: String, given: String, index: String, advice: RebuildAdvice = .rebuildInPlace
    ) throws {
        guard stored == given else {
            throw SemfindError(
                .invalidInput,
                "index \(index) holds vectors of the \(stored) encoder, not \(given); leave --encoder out to keep "
                    + "\(stored), or " + advice.sentence("--encoder \(given)"))
        }
    }
}
