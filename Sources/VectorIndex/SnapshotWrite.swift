/// How the vector snapshot beside an index was written.
public enum SnapshotWrite: Equatable, Sendable {
    /// Every row read from the database.
    case rewritten(rows: Int)
    /// The previous snapshot's rows that are still in the index copied from its file, and the
    /// rows added since read from the database.
    case patched(kept: Int, added: Int, removed: Int)
}
