import VectorIndex

extension FlatIndex {
    /// Search over every vector of `store`.
    ///
    /// The vectors come from the snapshot beside the database when it is of the database's
    /// generation (a memory map: opening costs almost nothing); otherwise — while `semfind index`
    /// is writing, or after a run was killed — they are read from the database in one pass, raw
    /// blobs copied straight into one matrix. Only `semfind index` writes the snapshot: a query
    /// never writes 4 bytes per dimension per chunk while an index run may be changing them.
    public init(store: IndexStore) throws {
        if let mapped = try store.currentSnapshot() {
            self.init(snapshot: mapped)
            return
        }
        self.init(snapshot: try store.readSnapshot(dimension: try store.vectorDimension()))
    }
}
