import SemfindCore

/// Cuts a parsed document into chunks of at most `budget` word pieces of text each: sections
/// under the same heading are packed together (a heading of the same path as the one before
/// starts anew), a section too big for one chunk is cut at
/// sentence ends (prose) or line ends (code, tables, lists), then between words, never inside
/// a word (a run of over `budget` characters with no space is the one exception), and
/// consecutive pieces of a cut section share `overlap` word pieces. The first chunk of each run
/// of sections packed together opens a section (`Chunk.opensSection`).
public struct Chunker: Sendable {
    public let options: ChunkerOptions
    /// Word pieces in a text, without [CLS]/[SEP]. For BERT tokenizers this is additive over
    /// whitespace-separated words, which lets the chunker count each word once.
    let countTokens: @Sendable (String) -> Int
    /// The word pieces themselves, when the chunker is given the model's tokenizer: each chunk
    /// then carries its embedding text's pieces (`Chunk.pieces`), joined from those it counted.
    let tokenize: (@Sendable (String) -> [Int32])?

    public init(options: ChunkerOptions = ChunkerOptions(), countTokens: @escaping @Sendable (String) -> Int) {
        self.options = options
        self.countTokens = countTokens
        tokenize = nil
    }

    /// A chunker that counts with `tokenize` (a tokenizer's `pieces`) and keeps what it counted.
    public init(options: ChunkerOptions = ChunkerOptions(), tokenize: @escaping @Sendable (String) -> [Int32]) {
        self.options = options
        countTokens = { tokenize($0).count }
        self.tokenize = tokenize
    }

    /// A text's word pieces counted, and kept when the chunker has the tokenizer.
    private func measure(_ text: String) -> (tokens: Int, pieces: [Int32]?) {
        guard let tokenize else { return (countTokens(text), nil) }
        let pieces = tokenize(text)
        return (pieces.count, pieces)
    }

    /// The chunks of `document`. `lines` are the file's lines (from `DecodedText`), used to give
    /// the pieces of a cut section their own byte spans; without them a piece spans its section.
    public func chunks(of document: ParsedDocument, lines: [DecodedText.Line] = []) -> [Chunk] {
        var chunks: [Chunk] = []
        var start = 0
        let sections = document.sections
        while start < sections.count {
            var end = start + 1
            while end < sections.count && !sections[end].opensHeading
                && sections[end].headingPath == sections[start].headingPath
            {
                end += 1
            }
            let group = sections[start..<end].map(SectionText.init)
            let groupUnits = group.indices.flatMap { units(of: group[$0], index: $0) }
            let heading = sections[start].headingPath
            let headingPieces = heading.isEmpty ? [] : tokenize.map { $0(heading.joined(separator: " > ")) }
            var packed = pack(groupUnits, group: group, lines: lines, headingPieces: headingPieces)
            if !packed.isEmpty { packed[0].opensSection = true }
            chunks += packed
            start = end
        }
        return chunks
    }

    /// The pieces a section may be cut into, each within the budget.
    private func units(of section: SectionText, index: Int) -> [ChunkUnit] {
        let text = section.bytes
        let whole = ChunkUnit(section: index, bytes: 0..<text.count, measure(section.section.text))
        guard whole.tokens > options.budget else { return text.isEmpty ? [] : [whole] }
        let pieces = section.section.kind == .prose ? TextSplitter.sentences(text) : TextSplitter.lines(text)
        return pieces.flatMap { range in
            let unit = ChunkUnit(section: index, bytes: range, measure(TextSplitter.string(text, range)))
            return unit.tokens <= options.budget ? [unit] : wordRuns(text, range, section: index)
        }
    }

    /// Splits an over-budget range between words into short runs, so that packing can carry
    /// the last runs of a full chunk into the next as overlap; a word that alone is over budget
    /// is cut every `budget` characters (a character is never more than one word piece).
    ///
    /// A run holds at most a quarter of the overlap: packing carries runs while they fit in the
    /// overlap, so a cut between words shares at least three quarters of it.
    private func wordRuns(_ text: [UInt8], _ range: Range<Int>, section: Int) -> [ChunkUnit] {
        let runLimit = options.overlap > 0 ? max(1, options.overlap / 4) : options.budget
        var runs: [ChunkUnit] = []
        var runStart = range.lowerBound
        var run = (tokens: 0, pieces: tokenize.map { _ in [Int32]() })
        for word in TextSplitter.words(text, range) {
            let measured = measure(TextSplitter.string(text, word))
            if measured.tokens > options.budget {
                if run.tokens > 0 { runs.append(ChunkUnit(section: section, bytes: runStart..<word.lowerBound, run)) }
                // A word cut into runs of characters has no pieces of its own: its runs' pieces
                // do not add up to the word's (a long word is one unknown piece).
                for piece in TextSplitter.characterRuns(text, word, length: options.budget) {
                    let tokens = countTokens(TextSplitter.string(text, piece))
                    runs.append(ChunkUnit(section: section, bytes: piece, (tokens, nil)))
                }
                runStart = word.upperBound
                run = (0, tokenize.map { _ in [] })
            } else if run.tokens > 0 && run.tokens + measured.tokens > runLimit {
                runs.append(ChunkUnit(section: section, bytes: runStart..<word.lowerBound, run))
                runStart = word.lowerBound
                run = measured
            } else {
                if run.tokens == 0 { runStart = word.lowerBound }
                run = (run.tokens + measured.tokens, run.pieces.flatMap { kept in measured.pieces.map { kept + $0 } })
            }
        }
        if run.tokens > 0 { runs.append(ChunkUnit(section: section, bytes: runStart..<range.upperBound, run)) }
        return runs
    }

    /// Greedy packing, with the tail of each full chunk carried into the next as overlap.
    private func pack(
        _ units: [ChunkUnit], group: [SectionText], lines: [DecodedText.Line], headingPieces: [Int32]?
    ) -> [Chunk] {
        var chunks: [Chunk] = []
        var current: [ChunkUnit] = []
        var tokens = 0
        for unit in units {
            if !current.isEmpty && tokens + unit.tokens > options.budget {
                chunks.append(ChunkAssembler.chunk(current, group: group, lines: lines, headingPieces: headingPieces))
                var carried: [ChunkUnit] = []
                var carriedTokens = 0
                for previous in current.dropFirst().reversed() {
                    guard carriedTokens + previous.tokens <= options.overlap else { break }
                    carried.insert(previous, at: 0)
                    carriedTokens += previous.tokens
                }
                (current, tokens) = carriedTokens + unit.tokens <= options.budget ? (carried, carriedTokens) : ([], 0)
            }
            current.append(unit)
            tokens += unit.tokens
        }
        if !current.isEmpty {
            chunks.append(ChunkAssembler.chunk(current, group: group, lines: lines, headingPieces: headingPieces))
        }
        return chunks
    }
}

/// A section with its text as UTF-8 bytes and the offsets of its newlines, computed once.
struct SectionText {
    let section: Section
    let bytes: [UInt8]
    let newlines: [Int]

    init(_ section: Section) {
        self.section = section
        let utf8 = Array(section.text.utf8)
        bytes = utf8
        newlines = utf8.indices.filter { utf8[$0] == 0x0A }
    }
}

/// A run of one section's text (a UTF-8 byte range of `Section.text`), how many word pieces it
/// has, and the pieces when the chunker keeps them.
struct ChunkUnit {
    let section: Int
    let bytes: Range<Int>
    let tokens: Int
    let pieces: [Int32]?

    init(section: Int, bytes: Range<Int>, _ measured: (tokens: Int, pieces: [Int32]?)) {
        self.section = section
        self.bytes = bytes
        tokens = measured.tokens
        pieces = measured.pieces
    }
}
