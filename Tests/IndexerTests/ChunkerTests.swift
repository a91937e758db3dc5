import SemfindCore
import Testing

@testable import Indexer

@Suite("Chunker")
struct ChunkerTests {
    /// One "word piece" per whitespace-separated word: makes budgets easy to reason about.
    let chunker = Chunker(options: ChunkerOptions(budget: 10, overlap: 3)) { text in
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }

    func section(_ text: String, path: [String] = ["Guide"], lines: ClosedRange<Int>, kind: Section.Kind = .prose)
        -> Section
    {
        Section(
            text: text, headingPath: path,
            span: SourceSpan(firstLine: lines.lowerBound, lastLine: lines.upperBound, bytes: 0..<0), kind: kind)
    }

    @Test("small sections under the same headings share a chunk; a new heading path starts a new one")
    func packing() {
        let document = ParsedDocument(sections: [
            section("one two three", lines: 1...1), section("four five", lines: 3...3),
            section("six seven", path: ["Guide", "More"], lines: 5...5),
        ])
        let chunks = chunker.chunks(of: document)
        #expect(chunks.map(\.text) == ["one two three\n\nfour five", "six seven"])
        #expect(chunks[0].span.firstLine == 1 && chunks[0].span.lastLine == 3)
        #expect(chunks[1].headingPath == ["Guide", "More"])
        #expect(chunks[1].embeddingText == "Guide > More\nsix seven")
    }

    @Test("a second heading of the same path starts a new chunk: two questions titled alike stay apart")
    func repeatedHeading() {
        var second = section("four five", lines: 4...4)
        second.opensHeading = true
        let document = ParsedDocument(sections: [
            section("one two", lines: 2...2), section("three", lines: 3...3), second, section("six", lines: 5...5),
        ])
        let chunks = chunker.chunks(of: document)
        #expect(chunks.map(\.text) == ["one two\n\nthree", "four five\n\nsix"])
        #expect(chunks.map(\.span.firstLine) == [2, 4])
        #expect(chunks.map(\.headingPath) == [["Guide"], ["Guide"]])
        #expect(chunks.map(\.opensSection) == [true, true], "each opens a section, though their paths are equal")
    }

    @Test("only a section's first chunk opens it: the pieces of a cut section continue it")
    func sectionOpenings() {
        let long = "Alpha beta gamma delta. Epsilon zeta. Eta theta iota kappa lambda. Mu nu xi omicron. Pi rho."
        var again = section("Sigma tau.", lines: 3...3)
        again.opensHeading = true
        let chunks = chunker.chunks(
            of: ParsedDocument(sections: [
                section(long, lines: 1...1), again, section("Upsilon phi.", path: ["Guide", "More"], lines: 5...5),
            ]))
        #expect(chunks.count > 3)
        #expect(chunks.map(\.opensSection) == [true] + Array(repeating: false, count: chunks.count - 3) + [true, true])
    }

    @Test("a long paragraph is cut at sentence ends, within budget, with overlap, never inside a word")
    func sentences() {
        let text = "Alpha beta gamma delta. Epsilon zeta. Eta theta iota kappa lambda. Mu nu xi omicron. Pi rho."
        let chunks = chunker.chunks(of: ParsedDocument(sections: [section(text, lines: 1...1)]))
        #expect(chunks.count > 1)
        for chunk in chunks {
            #expect(chunk.text.split(separator: " ").count <= 10, "\(chunk.text)")
            #expect(text.contains(chunk.text), "chunk text is a contiguous part of the paragraph")
        }
        #expect(chunks.map { $0.text.hasSuffix(".") }.allSatisfy { $0 }, "cuts fall after sentence ends")
        #expect(
            chunks[1].text.hasPrefix("Epsilon zeta."), "the short sentence before the cut is carried over as overlap")
        let words = Set(text.split(separator: " ").map(String.init))
        #expect(chunks.allSatisfy { $0.text.split(separator: " ").allSatisfy { words.contains(String($0)) } })
    }

    @Test("code is cut only between lines, and each piece knows its own lines")
    func codeLines() {
        let code = (1...8).map { "line\($0) a b c" }.joined(separator: "\n")
        let chunks = chunker.chunks(of: ParsedDocument(sections: [section(code, lines: 11...18, kind: .code)]))
        #expect(chunks.count >= 3)
        for chunk in chunks {
            let lines = chunk.text.split(separator: "\n")
            #expect(lines.allSatisfy { $0.hasPrefix("line") && $0.hasSuffix("a b c") })
            let first = Int(lines[0].dropFirst(4).prefix { $0.isNumber }) ?? 0
            #expect(chunk.span.firstLine == 10 + first)
            #expect(chunk.span.lastLine == chunk.span.firstLine + lines.count - 1)
        }
        #expect(chunks.last?.span.lastLine == 18)
    }

    @Test("a sentence longer than the budget is cut between words; a word longer than it by characters")
    func oversized() {
        let words = (1...25).map { "w\($0)" }.joined(separator: " ")
        let chunks = chunker.chunks(of: ParsedDocument(sections: [section(words, lines: 1...1)]))
        #expect(chunks.allSatisfy { $0.text.split(separator: " ").count <= 10 })
        #expect(Set(chunks.flatMap { $0.text.split(separator: " ") }).count == 25)

        let characterCounter = Chunker(options: ChunkerOptions(budget: 10, overlap: 0)) { $0.count }
        let blob = String(repeating: "x", count: 35)
        let pieces = characterCounter.chunks(of: ParsedDocument(sections: [section(blob, lines: 1...1)]))
        #expect(pieces.map(\.text.count) == [10, 10, 10, 5])
    }

    @Test("empty sections yield no chunks; content hashes follow text and headings only")
    func hashes() {
        #expect(chunker.chunks(of: ParsedDocument(sections: [section("", lines: 1...1)])).isEmpty)
        let a = Chunk(text: "same", headingPath: ["A"], span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<4))
        let moved = Chunk(text: "same", headingPath: ["A"], span: SourceSpan(firstLine: 9, lastLine: 9, bytes: 90..<94))
        let other = Chunk(text: "same", headingPath: ["B"], span: a.span)
        #expect(a.contentHash == moved.contentHash)
        #expect(a.contentHash != other.contentHash)
    }
}
