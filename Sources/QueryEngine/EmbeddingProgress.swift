/// How much of an index search by meaning covers: its chunks with vectors, of all its chunks.
public struct EmbeddingProgress: Sendable, Equatable {
    public let embedded: Int
    public let chunks: Int

    public init(embedded: Int, chunks: Int) {
        self.embedded = embedded
        self.chunks = chunks
    }

    /// The embedded share in whole percent, rounded down (never 100 while a chunk waits).
    public var percent: Int { chunks > 0 ? embedded * 100 / chunks : 100 }

    /// "43% (12345 of 28000 chunks)": what `semfind status` shows as `embedded`.
    public var share: String { "\(percent)% (\(embedded) of \(chunks) chunks)" }

    /// "embedded 43% (12345 of 28000 chunks)": what a search says.
    public var description: String { "embedded \(share)" }
}
