/// Where a piece of text sits in its source file: 1-based inclusive line numbers and a
/// half-open range of byte offsets into the file as stored on disk (before any decoding).
public struct SourceSpan: Sendable, Equatable, Hashable, Codable {
    /// First line, 1-based.
    public var firstLine: Int
    /// Last line, 1-based, inclusive (equal to `firstLine` for one line).
    public var lastLine: Int
    /// Byte offsets in the original file; `bytes.upperBound` is one past the last byte.
    public var bytes: Range<Int>

    public init(firstLine: Int, lastLine: Int, bytes: Range<Int>) {
        precondition(firstLine >= 1 && lastLine >= firstLine, "a span covers at least one line")
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.bytes = bytes
    }

    /// The smallest span that covers both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(
            firstLine: min(firstLine, other.firstLine), lastLine: max(lastLine, other.lastLine),
            bytes: min(bytes.lowerBound, other.bytes.lowerBound)..<max(bytes.upperBound, other.bytes.upperBound))
    }
}
