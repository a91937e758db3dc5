extension IndexStore {
    /// Adds one run's embedding work to the index's tally (`IndexMeta.embeddingRate`): how fast
    /// this index's model embedded its chunks, for `semfind eval` to compare models by.
    public func recordEmbedding(chunks: Int, seconds: Double) throws {
        guard chunks > 0, seconds > 0 else { return }
        let meta = try meta()
        let totalChunks = (meta[.embeddedChunks].flatMap { Int($0) } ?? 0) + chunks
        let totalSeconds = (meta[.embeddingSeconds].flatMap { Double($0) } ?? 0) + seconds
        try database.transaction {
            try setMeta(.embeddedChunks, String(totalChunks))
            try setMeta(.embeddingSeconds, String(totalSeconds))
        }
    }
}
