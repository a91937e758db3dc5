import FileWalk
import TextEncoder
import VectorIndex

/// What `semfind index` indexes and how.
public struct IndexOptions: Sendable {
    /// Folders (or single files), as absolute paths.
    public var roots: [String]
    public var walk: WalkOptions
    public var chunker: ChunkerOptions
    /// Texts per forward pass of the encoder.
    public var batchSize: Int
    /// Chunks of several files written in one transaction in the reading phase: each commit
    /// writes its pages to the log once, so 70,000 one-chunk notes are read in 12.9 s by
    /// groups of 1,024 and 14.5 s by groups of 256; keyword search still finds new files
    /// within a second. The queue from the reading thread holds at most twice this.
    public var writeGroupSize: Int
    /// In the embedding phase, the most chunks per encoder call and commit: groups start at
    /// four batches (or this, when smaller) and grow to this while the encoder is fast
    /// (`GroupPace`).
    public var embedGroupSize: Int
    /// Rewrite the vector snapshot at the end of the run (a watcher chooses when instead).
    public var refreshesSnapshot: Bool
    /// Train the IVF lists anew at the end of the run even if the row count does not call for it
    /// (`semfind index --reindex-vectors`).
    public var retrainsVectorIndex = false
    /// The form to store vectors in; nil keeps the index's (a new index takes the standard one).
    public var precision: VectorPrecision?
    /// Makes the parser a run's producer thread uses (once per run, on that thread, given the
    /// run's stop request); in this process unless the executable isolates binary formats.
    public var parser: @Sendable (StopRequest?) -> any DocumentParser = { _ in InProcessParser() }

    public init(
        roots: [String], walk: WalkOptions = WalkOptions(), chunker: ChunkerOptions = ChunkerOptions(),
        batchSize: Int = SentenceEncoder.defaultBatchSize, writeGroupSize: Int = 1024, embedGroupSize: Int = 1024,
        refreshesSnapshot: Bool = true
    ) {
        self.roots = roots
        self.walk = walk
        self.chunker = chunker
        self.batchSize = batchSize
        self.writeGroupSize = writeGroupSize
        self.embedGroupSize = embedGroupSize
        self.refreshesSnapshot = refreshesSnapshot
    }
}
