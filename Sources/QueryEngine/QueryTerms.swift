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
        var current = ""
        var currentIsSpaceless = false
        func finish() {
            guard !current.isEmpty else { return }
            if currentIsSpaceless {
                runs.append(current)
            } else if !words.contains(current) {
                words.append(current)
            }
            current = ""
        }
        for character in query.lowercased() {
            let spaceless = character.unicodeScalars.contains(where: Self.isSpaceless)
            let wordy = spaceless || character.isLetter || character.isNumber
            if !wordy || spaceless != currentIsSpaceless { finish() }
            if wordy {
                currentIsSpaceless = spaceless
                current.append(character)
            }
        }
        finish()
        let content = words.filter { !Self.stopWords.contains($0) }
        self.words = content.isEmpty ? words : content
        spacelessRuns = runs
    }

    public var isEmpty: Bool { words.isEmpty && spacelessRuns.isEmpty }

    /// An FTS5 expression for the word index: any of the words, each quoted (so no word is read
    /// as an operator), or nil when there are none.
    var wordExpression: String? {
        words.isEmpty ? nil : words.map { "\"\($0)\"" }.joined(separator: " OR ")
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

    /// Han, Hiragana, Katakana and their punctuation-free extensions.
    static func isSpaceless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Words too common to find anything by (they still count when a query has nothing else).
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in",
        "is", "it", "my", "of", "on", "or", "that", "the", "this", "to", "what", "when", "where", "which", "who",
        "why", "with", "you",
    ]
}
