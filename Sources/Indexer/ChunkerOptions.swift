/// How big chunks are, in the encoder's word pieces.
public struct ChunkerOptions: Sendable, Equatable {
    /// The most word pieces of text in one chunk (the heading path comes on top).
    public var budget: Int
    /// Word pieces repeated from the end of one chunk at the start of the next, when a
    /// section is cut into several chunks.
    public var overlap: Int

    public init(budget: Int = 200, overlap: Int = 32) {
        self.budget = max(8, budget)
        self.overlap = max(0, min(overlap, self.budget / 2))
    }

    /// A short text stored with the index: chunks made with other options are made again.
    public var signature: String { "budget=\(budget) overlap=\(overlap)" }
}
