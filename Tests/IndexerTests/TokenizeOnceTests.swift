import Foundation
import SemfindCore
import TestSupport
import Testing
import TextEncoder

@testable import Indexer

/// Each chunk is tokenized once: the chunker keeps the word pieces it counted, they are exactly
/// the pieces of the text the encoder sees, and the embedding phase encodes them without
/// tokenizing again; only chunks an earlier run left waiting are tokenized a second time.
@Suite("One tokenization per chunk")
struct TokenizeOnceTests {
    let tokenizer: WordPieceTokenizer

    init() throws {
        tokenizer = try SentenceEncoder(folder: TinyBertModel().folder, threads: 1).tokenizer
    }

    private func chunks(_ sections: [Section], budget: Int, overlap: Int) -> [Chunk] {
        let tokenizer = tokenizer
        return Chunker(options: ChunkerOptions(budget: budget, overlap: overlap)) { tokenizer.pieces($0) }
            .chunks(of: ParsedDocument(sections: sections))
    }

    private func section(_ text: String, _ headings: [String], kind: Section.Kind = .prose) -> Section {
        Section(
            text: text, headingPath: headings, span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<1), kind: kind)
    }

    @Test("the kept pieces are the pieces of the embedding text, through cuts, overlap and headings")
    func piecesMatchTheEmbeddingText() {
        let prose = (0..<12).map { "The quick brown fox jumps over the lazy dog number \($0)!" }.joined(separator: " ")
        let sections = [
            section("hello world, unbelievable cafe.", ["Top", "Sub"]),
            section(prose + " 日本。本日 hello? [MASK] run-running", ["Top", "Sub"]),
            section((0..<9).map { "line \($0): a b c fox" }.joined(separator: "\n"), ["Code"], kind: .code),
            section(String(repeating: "dog ", count: 30), []),
        ]
        let made = chunks(sections, budget: 16, overlap: 4)
        #expect(made.count > 6)
        for chunk in made {
            let pieces = chunk.pieces
            #expect(pieces == tokenizer.pieces(chunk.embeddingText), "\(chunk.embeddingText)")
        }
    }

    @Test("a word cut into runs of characters leaves its chunk without pieces: they would not add up")
    func overlongWordsHaveNoPieces() {
        // 30 pieces (a ##b ##c …): over the budget, so cut every 10 characters.
        let made = chunks(
            [section("fox " + String(repeating: "abc", count: 10) + " dog", [])], budget: 10, overlap: 0)
        #expect(made.contains { $0.pieces == nil })
        for chunk in made where chunk.pieces != nil {
            #expect(chunk.pieces == tokenizer.pieces(chunk.embeddingText))
        }
    }

    @Test("the pieces' memory is bounded: past the limit, chunks are tokenized again when embedded")
    func pendingPiecesStayWithinTheLimit() {
        var pending = PendingPieces(limit: 5)
        let first = Chunk(
            text: "a", headingPath: [], span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<1), pieces: [1, 2, 3])
        let second = Chunk(text: "b", headingPath: [], span: first.span, pieces: [4, 5, 6])
        pending.keep(first)
        pending.keep(second)
        #expect(pending.take(second.contentHash) == nil)
        #expect(pending.take(first.contentHash) == [1, 2, 3])
        #expect(pending.take(first.contentHash) == nil, "given up once")
    }

    @Test("a run embeds from the chunker's pieces; the next run tokenizes only what an earlier one left")
    func runsCountWhatTheyTokenizeAgain() throws {
        let interrupted = try TwoPhaseIndexTests()
        let (first, _) = try interrupted.run(stopAfterGroups: 2)
        #expect(first.embedded == 4 && first.retokenized == 0)
        let (resumed, _) = try interrupted.run()
        #expect(resumed.embedded == 20 && resumed.retokenized == 20)

        let whole = try TwoPhaseIndexTests()
        let (summary, _) = try whole.run()
        #expect(summary.embedded == 24 && summary.retokenized == 0)
    }
}
