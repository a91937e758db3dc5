import IndexStorage

extension IndexStore {
    /// The texts put before queries and before passages when this index's vectors were
    /// embedded; empty for an index from before they were recorded that holds vectors (all of
    /// them were embedded without), nil for one that holds none yet.
    public func recordedPrefixes() throws -> (query: String, passage: String)? {
        try recordedPrefixes(try meta())
    }

    /// `recordedPrefixes()` with what `meta` records.
    func recordedPrefixes(_ meta: IndexMeta) throws -> (query: String, passage: String)? {
        if let query = meta[.queryPrefix], let passage = meta[.passagePrefix] { return (query, passage) }
        return try database.integer("SELECT EXISTS (SELECT 1 FROM chunks)") == 1 ? ("", "") : nil
    }

    /// Records the prefixes of an index's first vectors, or checks that an existing index's
    /// vectors were embedded with the same ones by `model` (`checkPrefixes`).
    public func bindPrefixes(query: String, passage: String, model: String) throws {
        let meta = try meta()
        try checkPrefixes(query: query, passage: passage, model: model, meta)
        guard meta[.queryPrefix] == nil else { return }
        try database.transaction {
            try setMeta(.queryPrefix, query)
            try setMeta(.passagePrefix, passage)
        }
    }

    /// Refuses prefixes other than those the index's vectors were embedded with when `model`
    /// is the index's model (another model is refused by `bindModel`): a query read with
    /// another prompt than its passages is a change of model.
    public func checkPrefixes(query: String, passage: String, model: String) throws {
        try checkPrefixes(query: query, passage: passage, model: model, try meta())
    }

    private func checkPrefixes(query: String, passage: String, model: String, _ meta: IndexMeta) throws {
        guard meta.modelName == nil || meta.modelName == model else { return }
        try EncoderRecord.checkPrefixes(stored: try recordedPrefixes(meta), given: (query, passage), index: path)
    }
}
