/// A chunk stored before its vector: what the encoder needs to embed it.
public struct UnembeddedChunk: Sendable, Equatable {
    public let id: Int64
    public let text: String
    public let headingPath: [String]
    /// The chunk's content hash: equal hashes share a vector.
    public let hash: String

    public init(id: Int64, text: String, headingPath: [String], hash: String) {
        self.id = id
        self.text = text
        self.headingPath = headingPath
        self.hash = hash
    }
}
