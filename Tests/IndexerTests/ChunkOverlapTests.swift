import SemfindCore
import Testing

@testable import Indexer

/// Cuts between words (no sentence end in reach) must still give consecutive chunks the promised
/// overlap, so that a passage cut in two is found whole in one of its chunks.
@Suite("Chunk overlap at cuts between words")
struct ChunkOverlapTests {
    /// Word pieces as a BERT tokenizer roughly counts them: one per four letters, at least one.
    static func pieces(_ word: Substring) -> Int { max(1, (word.count + 3) / 4) }

    let chunker = Chunker(options: ChunkerOptions(budget: 200, overlap: 32)) { text in
        text.split(whereSeparator: \.isWhitespace).reduce(0) { $0 + pieces($1) }
    }

    /// `count` words of varied length, with no sentence end anywhere.
    static func words(_ count: Int) -> [String] {
        let stems = ["river", "a", "lantern", "of", "considerable", "stone", "to", "quietly", "encyclopaedic", "bend"]
        return (0..<count).map { "\(stems[$0 % stems.count])\($0)" }
    }

    /// Word pieces of the longest run of words that ends `first` and starts `second`.
    func sharedPieces(_ first: Chunk, _ second: Chunk) -> Int {
        let tail = first.text.split(whereSeparator: \.isWhitespace)
        let head = second.text.split(whereSeparator: \.isWhitespace)
        for length in stride(from: min(tail.count, head.count), to: 0, by: -1)
        where Array(tail.suffix(length)) == Array(head.prefix(length)) {
            return tail.suffix(length).reduce(0) { $0 + Self.pieces($1) }
        }
        return 0
    }

    func checkCuts(_ text: String, kind: Section.Kind) {
        let section = Section(
            text: text, headingPath: ["Notes"], span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<text.utf8.count),
            kind: kind)
        let chunks = chunker.chunks(of: ParsedDocument(sections: [section]))
        #expect(chunks.count >= 5)
        for chunk in chunks {
            #expect(chunker.countTokens(chunk.text) <= 200)
        }
        for (first, second) in zip(chunks, chunks.dropFirst()) {
            let shared = sharedPieces(first, second)
            #expect(shared >= 24, "only \(shared) word pieces shared at the cut before «\(second.text.prefix(40))»")
        }
        let seen = Set(chunks.flatMap { $0.text.split(whereSeparator: \.isWhitespace).map(String.init) })
        #expect(seen == Set(text.split(whereSeparator: \.isWhitespace).map(String.init)), "no word lost")
    }

    @Test("a long paragraph with no sentence end: every cut shares at least 24 word pieces")
    func paragraph() {
        checkCuts(Self.words(1500).joined(separator: " "), kind: .prose)
    }

    @Test("a long single line of code: every cut shares at least 24 word pieces")
    func singleLine() {
        checkCuts(Self.words(1500).joined(separator: "  "), kind: .code)
    }
}
