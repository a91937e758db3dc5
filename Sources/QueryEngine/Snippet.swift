/// The sentences of a chunk that best match a query, on one line, with the query's words marked.
public struct Snippet: Sendable, Equatable {
    public let text: String
    /// Where the query's words occur in `text`, as UTF-8 byte offsets.
    public let highlights: [Range<Int>]

    /// The best sentence of `chunk` for `terms` (most distinct query words, earliest on ties),
    /// followed by the next ones while they fit in `maxLength` characters.
    public init(chunk: String, terms: QueryTerms, maxLength: Int = 240) {
        let sentences = Self.sentences(of: chunk)
        guard !sentences.isEmpty else {
            self.init(text: "", terms: terms)
            return
        }
        var bestIndex = 0
        var bestScore = -1
        for (index, sentence) in sentences.enumerated() {
            let score =
                Set(WordRuns.of(sentence).map(\.word)).intersection(terms.words).count
                + terms.spacelessRuns.filter { sentence.contains($0) }.count
            if score > bestScore {
                bestScore = score
                bestIndex = index
            }
        }
        var text = sentences[bestIndex]
        for next in sentences[(bestIndex + 1)...] {
            guard text.count + 1 + next.count <= maxLength else { break }
            text += " " + next
        }
        if text.count > maxLength { text = String(text.prefix(maxLength - 1)) + "…" }
        if bestIndex > 0 { text = "…" + text }
        self.init(text: text, terms: terms)
    }

    private init(text: String, terms: QueryTerms) {
        self.text = text
        var marks: [Range<Int>] = []
        let lowered = text.lowercased()
        if lowered.utf8.count == text.utf8.count {
            for run in WordRuns.of(text) where terms.words.contains(run.word) { marks.append(run.bytes) }
            for run in terms.spacelessRuns {
                var start = lowered.startIndex
                while let found = lowered.range(of: run, range: start..<lowered.endIndex) {
                    marks.append(
                        lowered.utf8.distance(
                            from: lowered.startIndex, to: found.lowerBound)..<lowered.utf8.distance(
                                from: lowered.startIndex, to: found.upperBound))
                    start = found.upperBound
                }
            }
        }
        highlights = marks.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Sentences of `text` with runs of white space (new lines too) made single spaces.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            let white = character.asciiValue.map { $0 == 0x20 || (0x09...0x0D).contains($0) } ?? character.isWhitespace
            let boundary = white && (".!?。！？".contains(previous) || character == "\n" && previous == "\n")
            if white {
                if boundary, !current.isEmpty {
                    sentences.append(current)
                    current = ""
                } else if !current.isEmpty, current.last != " " {
                    current.append(" ")
                }
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences.map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 }
    }

}
