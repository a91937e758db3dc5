/// The words of a query as the keyword indexes and the snippet highlighter see them.
public struct QueryTerms: Sendable, Equatable {
    /// Lowercased words (runs of letters and digits) outside Chinese and Japanese script, in
    /// order of first appearance, without repeats and without the commonest English words
    /// (unless the query has nothing else).
    public let words: [String]
    /// Runs of Chinese or Japanese characters, which are written without spaces between words.
    public let spacelessRuns: [String]

    public init(_ query: String) {
        var words: [String] = []
        var runs: [String] = []
        for run in WordRuns.of(query) {
            if run.spaceless {
                runs.append(run.word)
            } else if !words.contains(run.word) {
                words.append(run.word)
            }
        }
        let content = words.filter { !Self.stopWords.contains($0) }
        self.words = content.isEmpty ? words : content
        spacelessRuns = runs
    }

    public var isEmpty: Bool { words.isEmpty && spacelessRuns.isEmpty }

    /// An FTS5 expression for the word index, each word quoted (so none is read as an operator),
    /// nil when there are none. Within a budget of matching chunks: BM25 is computed for every chunk
    /// an OR matches, so the rarest words are ORed while their chunk counts add up to at most
    /// `budget` (the rarest always), and the commoner ones count only together (AND) — a chunk
    /// with one common word and none of the rare ones would rank low anyway. `chunkCount` is
    /// the number of chunks in the index.
    func wordExpression(frequencies: [String: Int], chunkCount: Int, budget: Int) -> String? {
        guard !words.isEmpty else { return nil }
        let ordered = words.enumerated().sorted {
            (frequencies[$0.element] ?? 0, $0.offset) < (frequencies[$1.element] ?? 0, $1.offset)
        }.map(\.element)
        var rare: [String] = []
        var total = 0
        for word in ordered where rare.isEmpty || total + (frequencies[word] ?? 0) <= budget {
            rare.append(word)
            total += frequencies[word] ?? 0
        }
        let common = ordered.filter { !rare.contains($0) }
        let quoted = { (list: [String]) in list.map { "\"\($0)\"" } }
        var parts = quoted(rare)
        // The AND of the common words joins only if it fits the rest of the budget, its size
        // estimated as if the words occurred independently.
        let together = common.reduce(Double(chunkCount)) {
            $0 * Double(frequencies[$1] ?? 0) / Double(max(chunkCount, 1))
        }
        if common.count >= 2, together <= Double(budget - total) {
            parts.append("(" + quoted(common).joined(separator: " AND ") + ")")
        }
        return parts.joined(separator: " OR ")
    }

    /// An FTS5 expression for the trigram index: any three-character window of the spaceless
    /// runs, or nil when no run is that long.
    var trigramExpression: String? {
        var grams: [String] = []
        for run in spacelessRuns {
            let characters = Array(run)
            guard characters.count >= 3 else { continue }
            for start in 0...(characters.count - 3) {
                let gram = String(characters[start..<start + 3])
                if !grams.contains(gram) { grams.append(gram) }
            }
        }
        return grams.isEmpty ? nil : grams.map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    /// Words too common to find anything by (they still count when a query has nothing else).
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in",
        "is", "it", "my", "of", "on", "or", "that", "the", "this", "to", "what", "when", "where", "which", "who",
        "why", "with", "you",
    ]
}
