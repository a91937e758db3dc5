/// An entry the walker did not yield, with why, so the run can report it and go on.
public struct SkippedFile: Sendable, Equatable {
    /// Absolute path; bytes that are not UTF-8 are shown escaped as `\xNN`.
    public let path: String
    /// The category of the skip.
    public let reason: SkipReason
    /// Specifics a person can act on: the system's error text, the size and limit, the MIME type.
    public let detail: String

    /// A skip record from its parts.
    public init(path: String, reason: SkipReason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }
}
