/// The part of the tree an update needs to look at: a set of paths (files or folders), each
/// walked as a whole, plus the folders on the way down to them (listed, so that their ignore
/// files apply, but with only the entries that lead to a focus path visited).
public struct WalkFocus: Sendable, Equatable {
    /// The focus paths, absolute and standardized.
    public let paths: Set<String>
    /// Every proper ancestor of a focus path.
    private let ancestors: Set<String>

    /// A focus on `paths` (absolute paths; "." and ".." are resolved, trailing "/" dropped).
    public init(paths: some Sequence<String>) {
        var kept = Set<String>()
        var ancestors = Set<String>()
        for given in paths {
            let path = (try? Walker.standardized(given)) ?? given
            kept.insert(path)
            var parent = path
            while let slash = parent.lastIndex(of: "/"), slash != parent.startIndex {
                parent = String(parent[..<slash])
                ancestors.insert(parent)
            }
            ancestors.insert("/")
        }
        self.paths = kept
        self.ancestors = ancestors
    }

    /// Whether `path` is a focus path or lies under one: walked as a whole.
    public func covers(_ path: String) -> Bool {
        if paths.contains(path) { return true }
        var parent = path
        while let slash = parent.lastIndex(of: "/"), slash != parent.startIndex {
            parent = String(parent[..<slash])
            if paths.contains(parent) { return true }
        }
        return paths.contains("/")
    }

    /// Whether the walk needs `path`: it is covered, or a folder on the way to a focus path.
    func includes(_ path: String) -> Bool {
        ancestors.contains(path) || covers(path)
    }
}
