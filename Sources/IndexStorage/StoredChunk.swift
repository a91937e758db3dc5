import SemfindCore

/// A chunk ready to be stored with its vector.
public struct StoredChunk: Sendable {
    public var text: String
    public var headingPath: [String]
    public var span: SourceSpan
    public var hash: String
    /// The chunk's vector; nil to store the chunk now and its vector later (`unembeddedChunks`).
    public var vector: [Float]?
    /// Whether the chunk is the first of a section (`Chunk.opensSection`).
    public var opensSection: Bool

    public init(
        text: String, headingPath: [String], span: SourceSpan, hash: String, vector: [Float]?,
        opensSection: Bool = false
    ) {
        self.text = text
        self.headingPath = headingPath
        self.span = span
        self.hash = hash
        self.vector = vector
        self.opensSection = opensSection
    }
}
