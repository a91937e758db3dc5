import Foundation
import IndexStorage

extension SearchEngine {
    /// Keyword matches, best first by BM25 less `keywordLengthPenalty` per log of the file's
    /// chunk count (the same fairness to files as in semantic ranking).
    /// `counts` keeps the words' chunk counts from one query to the next.
    static func keywordSearch(
        _ terms: QueryTerms, allowed: Set<Int64>?, limit: Int, policy: QueryPolicy, store: any KeywordIndex,
        counts: IndexCounts
    ) throws -> [(chunkID: Int64, fileID: Int64, score: Double)] {
        var found: [(chunkID: Int64, fileID: Int64, score: Double)] = []
        let known = try counts.lookUp(terms.words, in: store)
        let words = terms.wordExpression(
            frequencies: known.frequencies, chunkCount: known.chunkCount, budget: policy.keywordMatchBudget)
        for (expression, table) in [(words, KeywordTable.words), (terms.trigramExpression, .trigrams)] {
            guard let expression else { continue }
            let matches = try store.keywordSearch(
                expression, in: table, fileIDs: allowed, limit: limit, headingWeight: policy.headingWeight,
                knownFrequencies: known.frequencies)
            let adjusted = matches.map {
                ($0.chunkID, $0.fileID, $0.score - policy.keywordLengthPenalty * log(Double(max(1, $0.fileChunks))))
            }
            found = found.isEmpty ? adjusted : Self.interleave(found, adjusted)
        }
        return Array(found.sorted { $0.score > $1.score }.prefix(limit))
    }

    /// Word and trigram matches together, each chunk once with its better score.
    private static func interleave(
        _ first: [(chunkID: Int64, fileID: Int64, score: Double)],
        _ second: [(chunkID: Int64, fileID: Int64, score: Double)]
    ) -> [(chunkID: Int64, fileID: Int64, score: Double)] {
        var best: [Int64: (chunkID: Int64, fileID: Int64, score: Double)] = [:]
        for match in first + second where match.score > best[match.chunkID]?.score ?? -.infinity {
            best[match.chunkID] = match
        }
        return Array(best.values)
    }
}
