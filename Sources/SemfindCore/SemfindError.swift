/// An error a person can act on: what went wrong, with what, and what to do about it.
///
/// Every failure that reaches the command line is a `SemfindError`; its `message` is printed
/// on one line and the process exits with status 2.
public struct SemfindError: Error, CustomStringConvertible, Sendable {
    /// The broad kind of failure, for callers that branch on it (and for tests).
    public enum Code: String, Sendable {
        /// No model folder was found, or it lacks a file the encoder needs.
        case modelNotFound
        /// A model file exists but is unreadable, truncated or inconsistent.
        case invalidModel
        /// The model's architecture or a tensor's dtype is not one the encoder runs.
        case unsupportedModel
        /// Input given to a command cannot be used (bad encoding, malformed JSON, empty).
        case invalidInput
        /// Reading or writing a file failed at the operating-system level.
        case io
    }

    public let code: Code
    /// One line: names the thing at fault and, where there is one, the remedy.
    public let message: String
    /// The lower-level error that caused this one, if any.
    public let cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// `error`'s one line: a SemfindError's message, any other error as it describes itself.
    public static func message(of error: any Error) -> String {
        (error as? SemfindError)?.message ?? "\(error)"
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message) (\(cause))"
    }
}
