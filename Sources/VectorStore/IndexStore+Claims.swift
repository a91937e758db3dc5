import IndexStorage

/// A SQLite index has one writer at a time whatever its roots: the writer lock beside the
/// database (`WriterLock`), which `semfind index`, `watch` and `serve --watch` take before
/// writing, already holds every root.
extension IndexStore: RootClaims {
    public func claimRoots(_ roots: [String]) throws {}
}
