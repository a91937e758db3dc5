/// What changed on disk since the last batch: paths to look at again (files or folders,
/// created, changed or gone), or a request to rescan every root when events were lost.
public struct ChangeBatch: Sendable, Equatable {
    /// Absolute paths named by events, each once.
    public var paths: Set<String> = []
    /// Events were lost (the kernel's queue overflowed) or the source only polls: walk all.
    public var rescan = false

    public init(paths: Set<String> = [], rescan: Bool = false) {
        self.paths = paths
        self.rescan = rescan
    }

    public var isEmpty: Bool { paths.isEmpty && !rescan }
}
