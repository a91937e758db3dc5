import IndexStorage

/// A SQLite index has one writer at a time whatever its roots: the writer lock beside the
/// database (`WriterLock`), which `semfind index`, `watch` and `serve --watch` take before
/// writing, already holds every root, and its one writer embeds every waiting chunk.
extension IndexStore: RootClaims {
    public func claimRoots(_ roots: [String]) throws -> [String] { [] }

    public func claimUnembedded(openings: Bool, after: Int64, limit: Int) throws -> [UnembeddedChunk] {
        try unembeddedChunks(openings: openings, after: after, limit: limit)
    }
}
