import SemfindCore
import Testing

@testable import MarkdownFormat

/// Inputs that would stall or crash a quadratic or recursive parser. No timings are asserted
/// (benchmarks measure speed); a quadratic rule would make these tests run for hours.
@Suite("Markdown large inputs")
struct LargeInputTests {
    @Test("a 5 MB fenced code block is one .code section")
    func hugeCodeBlock() throws {
        let line = String(repeating: "x = [a](b) * `c` <d> ", count: 2) + "\n"
        let lineCount = 5_000_000 / line.utf8.count
        let markdown = "# Big\n\n```\n" + String(repeating: line, count: lineCount) + "```\nAfter\n"
        let document = parse(markdown)
        let code = document.sections.filter { $0.kind == .code }
        #expect(code.count == 1)
        #expect(code.first?.span.firstLine == 3 && code.first?.span.lastLine == lineCount + 4)
        #expect(document.sections.map(\.kind) == [.code, .prose])
    }

    @Test("a prose line over 1 MB is one section with its markup stripped")
    func hugeLine() throws {
        let markdown = "# H\n\n" + String(repeating: "word *x* ", count: 150_000) + "\nnext"
        let document = parse(markdown)
        let section = try #require(document.sections.first)
        #expect(document.sections.count == 1)
        #expect(section.text.utf8.count == "word x ".utf8.count * 150_000 - 1 + "\nnext".utf8.count)
        #expect(section.span.bytes == 5..<markdown.utf8.count)
    }

    @Test("a 1 MB line of unclosed links and tags keeps every byte; only paired backticks go")
    func hugeUnmatchedMarkup() {
        let markdown = String(repeating: "[a](` <b ", count: 120_000)
        let document = parse(markdown)
        // Every backtick closes the code span its predecessor opened; the final space is trimmed.
        #expect(document.sections.map(\.text.utf8.count) == [markdown.utf8.count - 120_000 - 1])
    }

    @Test("a million nested quote markers, unclosed comments and links that are not links stay linear")
    func deepAndUnterminated() {
        #expect(parse(String(repeating: ">", count: 1_000_000) + " deep\n").sections.map(\.text) == ["deep"])
        let comments = "text " + String(repeating: "<!-- x ", count: 150_000)
        #expect(parse(comments).sections.map(\.text.utf8.count) == [comments.utf8.count - 1])
        let brackets = String(repeating: "[a](b c) ", count: 120_000)
        #expect(parse(brackets).sections.map(\.text.utf8.count) == [brackets.utf8.count - 1])
    }
}
