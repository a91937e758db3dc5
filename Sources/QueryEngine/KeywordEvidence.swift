import Foundation

/// How much of a query's rare-word weight a passage holds. A passage below the index's
/// relevance floor stays in the results on its keywords only when its words carry at least
/// half that weight, or hold one of the query's rare words — one in at most a thousandth of the
/// index's chunks, as an identifier is (so none in an index under a thousand chunks):
/// "sourdough" in a note about bread keeps it, "take" in a travel checklist does not keep it for
/// "how do I take back my last git commit", and "sscanf" keeps the answer to "is there a
/// scanf() or sscanf() equivalent?" among thousands of pages that mention neither.
///
/// A word weighs its inverse document frequency over the index's chunks (BM25's, so a word in
/// every chunk weighs almost nothing); a run of Chinese or Japanese text found whole counts as
/// the query's rarest.
struct KeywordEvidence {
    private let weights: [String: Double]
    private let total: Double
    private let spacelessRuns: [String]
    /// The query's words found in at most `rareShare` of the chunks.
    private let rareWords: Set<String>
    /// The share of the query's weight a passage's words must hold.
    static let requiredShare = 0.5
    /// The share of chunks a word may occur in and still be rare.
    static let rareShare = 0.001

    init(terms: QueryTerms, frequencies: [String: Int], chunkCount: Int) {
        let chunks = Double(chunkCount)
        weights = Dictionary(
            terms.words.map { word in
                let holding = Double(frequencies[word] ?? 0)
                return (word, log(1 + (chunks - holding + 0.5) / (holding + 0.5)))
            }, uniquingKeysWith: { first, _ in first })
        total = weights.values.reduce(0, +)
        rareWords = Set(
            terms.words.filter { word in
                let holding = Double(frequencies[word] ?? 0)
                return holding > 0 && holding <= Self.rareShare * chunks
            })
        spacelessRuns = terms.spacelessRuns
    }

    /// Whether `text` holds enough of the query's rare words to be shown for them.
    func isStrong(in text: String) -> Bool {
        if spacelessRuns.contains(where: { text.contains($0) }) { return true }
        guard total > 0 else { return false }
        let words = Set(WordRuns.of(text).map(\.word))
        if !rareWords.isDisjoint(with: words) { return true }
        let held = words.reduce(0) { $0 + (weights[$1] ?? 0) }
        return held >= Self.requiredShare * total
    }
}
