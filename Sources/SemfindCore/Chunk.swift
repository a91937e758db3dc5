/// A piece of a document small enough to embed: its text, the headings above it and where it
/// sits in the file. The unit that is embedded, stored and returned by searches.
public struct Chunk: Sendable, Equatable {
    public var text: String
    public var headingPath: [String]
    public var span: SourceSpan
    /// The word pieces of `embeddingText`, when the chunker counted with the model's tokenizer:
    /// the encoder's input, so that the chunk is not tokenized a second time. Nil when unknown.
    public var pieces: [Int32]?
    /// Whether the chunk is the first of a section: of a run of blocks the chunker packs
    /// together (under one heading, a repeated heading opening a run of its own).
    public var opensSection: Bool

    public init(
        text: String, headingPath: [String], span: SourceSpan, pieces: [Int32]? = nil, opensSection: Bool = false
    ) {
        self.text = text
        self.headingPath = headingPath
        self.span = span
        self.pieces = pieces
        self.opensSection = opensSection
    }

    /// What the encoder sees: the heading path as context, then the text.
    public var embeddingText: String { Self.embeddingText(text: text, headingPath: headingPath) }

    /// What the encoder sees of a chunk's `text` under `headingPath`.
    public static func embeddingText(text: String, headingPath: [String]) -> String {
        headingPath.isEmpty ? text : headingPath.joined(separator: " > ") + "\n" + text
    }

    /// Identifies the chunk's content (text and heading path), whatever file or place it is in:
    /// equal hashes mean the stored vector can be reused.
    public var contentHash: String {
        XXHash64.hex(XXHash64.hash(headingPath.joined(separator: "\u{1F}") + "\u{1E}" + text))
    }
}
