/// A query asked earlier in the same shell session.
public struct SessionQuery: Sendable, Equatable {
    public let text: String
    /// Seconds since 1970.
    public let askedAt: Int64

    public init(text: String, askedAt: Int64) {
        self.text = text
        self.askedAt = askedAt
    }
}
