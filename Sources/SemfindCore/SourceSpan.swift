/// Where a piece of text sits in its source file: 1-based inclusive line numbers and a
/// half-open range of byte offsets into the file as stored on disk (before any decoding).
///
/// In a paged format (PDF) a span also names its pages: then lines are counted within the text
/// of their page (`firstLine` in the first page, `lastLine` in the last) and the byte offsets
/// are empty, since the text is not in the file as bytes.
public struct SourceSpan: Sendable, Equatable, Hashable, Codable {
    /// First line, 1-based.
    public var firstLine: Int
    /// Last line, 1-based, inclusive (equal to `firstLine` for one line).
    public var lastLine: Int
    /// Byte offsets in the original file; `bytes.upperBound` is one past the last byte.
    public var bytes: Range<Int>
    /// The pages the text runs over, 1-based, in a paged format; nil in text formats.
    public var pages: ClosedRange<Int>?

    public init(firstLine: Int, lastLine: Int, bytes: Range<Int>, pages: ClosedRange<Int>? = nil) {
        precondition(
            firstLine >= 1 && lastLine >= 1 && (lastLine >= firstLine || (pages?.count ?? 1) > 1),
            "a span covers at least one line")
        precondition(pages.map { $0.lowerBound >= 1 } ?? true, "pages are 1-based")
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.bytes = bytes
        self.pages = pages
    }

    /// The smallest span that covers both (from the earlier first line to the later last line,
    /// pages first, when they have pages).
    public func union(_ other: SourceSpan) -> SourceSpan {
        let bytes = min(bytes.lowerBound, other.bytes.lowerBound)..<max(bytes.upperBound, other.bytes.upperBound)
        guard let pages, let otherPages = other.pages else {
            return SourceSpan(
                firstLine: min(firstLine, other.firstLine), lastLine: max(lastLine, other.lastLine), bytes: bytes,
                pages: self.pages ?? other.pages)
        }
        let first =
            (pages.lowerBound, firstLine) <= (otherPages.lowerBound, other.firstLine)
            ? (pages.lowerBound, firstLine) : (otherPages.lowerBound, other.firstLine)
        let last =
            (pages.upperBound, lastLine) >= (otherPages.upperBound, other.lastLine)
            ? (pages.upperBound, lastLine) : (otherPages.upperBound, other.lastLine)
        return SourceSpan(firstLine: first.1, lastLine: last.1, bytes: bytes, pages: first.0...last.0)
    }
}
