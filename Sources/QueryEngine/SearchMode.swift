/// How results are ranked.
public enum SearchMode: String, Sendable, CaseIterable {
    /// By the meaning of the query: cosine similarity of embeddings.
    case semantic
    /// By the query's words: BM25 over the FTS5 keyword indexes.
    case keyword
    /// Both, fused by reciprocal rank (the default).
    case hybrid
}
