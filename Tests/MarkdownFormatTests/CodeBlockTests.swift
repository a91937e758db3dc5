import SemfindCore
import Testing

@testable import MarkdownFormat

@Suite("Markdown code blocks")
struct CodeBlockTests {
    @Test("a backtick fence is one verbatim .code section; its span includes the fences")
    func backtickFence() throws {
        let markdown = """
            # Build

            ```swift
            let x = *pointer // [not](a link)

            # not a heading
            ```
            After the code.
            """
        let document = parse(markdown)
        #expect(document.sections.count == 2)
        let code = try #require(document.sections.first)
        #expect(code.kind == .code)
        #expect(code.text == "let x = *pointer // [not](a link)\n\n# not a heading")
        #expect(code.headingPath == ["Build"])
        #expect(code.span.firstLine == 3 && code.span.lastLine == 7)
        #expect(source(of: code, in: markdown) == lines(3, 7, of: markdown))
        #expect(document.sections.last?.text == "After the code.")
        #expect(document.sections.last?.headingPath == ["Build"])
    }

    @Test("a ~~~ fence closes only with ~ at least as long; a shorter one is code")
    func tildeFenceWithLongerClose() throws {
        let markdown = "~~~~ python\nprint(1)\n~~~\n```\n   ~~~~~~  \nafter\n"
        let document = parse(markdown)
        #expect(document.sections.count == 2)
        let code = try #require(document.sections.first)
        #expect(code.kind == .code)
        #expect(code.text == "print(1)\n~~~\n```")
        #expect(code.span.lastLine == 5)
        #expect(source(of: code, in: markdown) == lines(1, 5, of: markdown))
        #expect(document.sections.last?.text == "after")
    }

    @Test("an unclosed fence runs to the end of the file, headings inside included")
    func unclosedFence() throws {
        let markdown = "# Top\n\n```\ncode\n\n## not a heading\n- not a list"
        let document = parse(markdown)
        let code = try #require(document.sections.first)
        #expect(document.sections.count == 1)
        #expect(code.kind == .code)
        #expect(code.text == "code\n\n## not a heading\n- not a list")
        #expect(code.headingPath == ["Top"])
        #expect(code.span.firstLine == 3 && code.span.lastLine == 7)
        #expect(code.span.bytes.upperBound == markdown.utf8.count)
    }

    @Test("an indented fence loses its own indentation from the code lines")
    func indentedFence() {
        let markdown = "  ```\n  a\n    b\nc\n  ```\n"
        #expect(parse(markdown).sections.map(\.text) == ["a\n  b\nc"])
    }

    @Test("indented code after a blank line is .code; an indented line inside a paragraph is not")
    func indentedCode() throws {
        let markdown = "Example:\n\n    let a = *b*\n\n      c()\n\nAfter\n    still prose\n"
        let document = parse(markdown)
        #expect(document.sections.map(\.kind) == [.prose, .code, .prose])
        let code = document.sections[1]
        #expect(code.text == "let a = *b*\n\n  c()")
        #expect(code.span.firstLine == 3 && code.span.lastLine == 5)
        #expect(source(of: code, in: markdown) == lines(3, 5, of: markdown))
        #expect(document.sections[2].text == "After\nstill prose")
    }

    @Test("an empty fence yields no section")
    func emptyFence() {
        #expect(parse("```\n```\n").sections.isEmpty)
    }
}
