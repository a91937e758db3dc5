/// Keyword search over chunk text and heading paths, ranked by BM25.
///
/// `expression` is in FTS5's query syntax, as `QueryEngine`'s `QueryTerms` writes it (quoted
/// terms joined by `OR`, with one parenthesized `AND` group); a backend without FTS5 translates
/// that small subset.
public protocol KeywordIndex: AnyObject {
    /// The `limit` best chunks for `expression` in `table`, best first, with a score where
    /// higher is better and their file's chunk count; only chunks of `fileIDs` when given.
    /// `knownFrequencies` are words' chunk counts the caller already has (`chunkFrequencies`), so
    /// that a backend that needs them for BM25 need not count them again.
    func keywordSearch(
        _ expression: String, in table: KeywordTable, fileIDs: Set<Int64>?, limit: Int, headingWeight: Double,
        knownFrequencies: [String: Int]
    ) throws -> [(chunkID: Int64, fileID: Int64, score: Double, fileChunks: Int)]
    /// In how many chunks each of `words` occurs.
    func chunkFrequencies(of words: [String]) throws -> [String: Int]
    /// How many chunks the index holds (with or without their vectors).
    func chunkCount() throws -> Int
    /// A number that changes with every change of the stored chunks, so that counts kept from
    /// one query to the next know when to be taken again.
    func generation() throws -> Int64
    /// The chunks with these ids, in the order given, with what the index knew of their files.
    func hits(_ chunkIDs: [Int64]) throws -> [StoredHit]
}
