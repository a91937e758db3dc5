import FileWalk
import Indexer

/// How a follower indexes, as values (the command line's options, read by the caller).
public struct FollowOptions {
    /// Rescan every this many seconds instead of following file events.
    public var poll: Double?
    /// Wait for another writer of the index instead of failing.
    public var waitsForWriter: Bool
    /// How folders are walked; the event source watches what the walk would read.
    public var walk: WalkOptions
    /// One batch's indexing options over the roots still present (called per batch, so each
    /// batch gets its own parser).
    public var indexOptions: ([String]) -> IndexOptions
    public var registry: FormatRegistry
    /// Chunks embedded per encoder call (nil: the pipeline's own).
    public var embedGroupSize: Int?

    public init(
        poll: Double?, waitsForWriter: Bool, walk: WalkOptions, indexOptions: @escaping ([String]) -> IndexOptions,
        registry: FormatRegistry, embedGroupSize: Int? = nil
    ) {
        self.poll = poll
        self.waitsForWriter = waitsForWriter
        self.walk = walk
        self.indexOptions = indexOptions
        self.registry = registry
        self.embedGroupSize = embedGroupSize
    }
}

/// What a follower tells as it runs (`semfind watch`'s reporter prints it).
public protocol WatchReporting {
    /// A file's failure, warning or skip.
    mutating func report(_ event: IndexEvent)
    /// The catch-up scan is done and events are followed from `source` (over `folders` folders
    /// when it counts them).
    func watching(roots: [String], source: String, folders: Int?)
    /// A batch was written: `kind` is `catch-up`, `changes` or `rescan`; `paths` the paths its
    /// events named.
    func batch(_ summary: IndexSummary, kind: String, paths: Int)
    func stopped()
}
