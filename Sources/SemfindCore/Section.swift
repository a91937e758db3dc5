/// A block of a document as a format plugin found it: its text, the headings above it, and
/// where it sits in the file. The chunker packs sections into chunks.
public struct Section: Sendable, Equatable, Codable {
    /// What kind of block this is; decides whether the chunker may cut inside it.
    public enum Kind: String, Sendable, Codable {
        /// Running text: may be cut at sentence or line boundaries.
        case prose
        /// A code block: kept whole when it fits the budget, else cut only between lines.
        case code
        /// A table: kept whole when it fits, else cut only between rows.
        case table
        /// A list: kept whole when it fits, else cut only between items' lines.
        case list
    }

    /// The block's text as a reader sees it (markup removed), lines separated by "\n".
    public var text: String
    /// The titles of the headings this block sits under, outermost first (the document title
    /// first when the format has one).
    public var headingPath: [String]
    public var span: SourceSpan
    public var kind: Kind
    /// Whether this is the first block under a heading. The chunker starts a new chunk here even
    /// when the heading path equals the previous block's: two headings of the same name (a
    /// page's repeated "Example", a FAQ's questions) are two sections.
    public var opensHeading: Bool

    public init(
        text: String, headingPath: [String], span: SourceSpan, kind: Kind = .prose, opensHeading: Bool = false
    ) {
        self.text = text
        self.headingPath = headingPath
        self.span = span
        self.kind = kind
        self.opensHeading = opensHeading
    }
}
