import VectorIndex

extension VectorIndexInfo {
    /// The meta keys each figure is stored under.
    static let keys = (
        kind: "index_kind", lists: "ivf_lists", probes: "ivf_probes", recall: "ivf_recall_at_10",
        recallQueries: "ivf_recall_queries", trainedRows: "ivf_trained_rows"
    )
}

extension RelevanceFloor {
    /// The meta keys of the floor and of the vector count it was measured at.
    static let keys = (similarity: "relevance_floor", vectors: "relevance_floor_vectors")
}
