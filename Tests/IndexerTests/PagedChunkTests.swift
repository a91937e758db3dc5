import SemfindCore
import Testing

@testable import Indexer

/// Chunks of a paged format (PDF): sections carry their page, lines count within it.
@Suite("Chunks over pages")
struct PagedChunkTests {
    let chunker = Chunker(options: ChunkerOptions(budget: 12, overlap: 2)) { text in
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }

    func page(_ number: Int, _ text: String, lines: ClosedRange<Int>) -> Section {
        Section(
            text: text, headingPath: ["Report"],
            span: SourceSpan(
                firstLine: lines.lowerBound, lastLine: lines.upperBound, bytes: 0..<0, pages: number...number))
    }

    @Test("consecutive pages pack into one chunk spanning from the first page's line to the last page's")
    func acrossPageBreak() {
        let document = ParsedDocument(sections: [
            page(3, "one two three\nfour five", lines: 30...31), page(4, "six seven", lines: 1...1),
        ])
        let chunks = chunker.chunks(of: document)
        #expect(chunks.map(\.text) == ["one two three\nfour five\n\nsix seven"])
        #expect(chunks[0].span == SourceSpan(firstLine: 30, lastLine: 1, bytes: 0..<0, pages: 3...4))
    }

    @Test("a page cut into several chunks keeps its page and gets its own lines within it")
    func cutPage() {
        let text = (1...6).map { "line \($0) has four words" }.joined(separator: "\n")
        let chunks = chunker.chunks(of: ParsedDocument(sections: [page(7, text, lines: 1...6)]))
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.span.pages == 7...7 })
        #expect(chunks.first?.span.firstLine == 1)
        #expect(chunks.last?.span.lastLine == 6)
        #expect(chunks.dropFirst().allSatisfy { $0.span.firstLine > 1 })
    }
}
