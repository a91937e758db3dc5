import SemfindCore
import Testing

@testable import MarkdownFormat

@Suite("Markdown prose and inline markup")
struct ProseTests {
    @Test("links, images, emphasis, code spans, tags, autolinks, escapes and entities leave their text")
    func inlineMarkup() {
        let markdown = """
            See [the docs](https://x.y/a_(b)) and ![logo](l.png "Logo"), **bold**, _it_, ~~old~~, \
            `a*b [c](d)`, <b>tag</b>, <https://auto.link/x>, [ref][1], snake_case, 2 * 3, \\*lit\\*, \
            a ~ b, &amp; &#x41;&#66; &bogus; AT&T.
            """
        #expect(
            parse(markdown).sections.map(\.text) == [
                "See the docs and logo, bold, it, old, a*b [c](d), tag, https://auto.link/x, ref, snake_case, "
                    + "2 * 3, *lit*, a ~ b, & AB &bogus; AT&T."
            ])
    }

    @Test("a link may span lines of one paragraph; an HTML comment ends it and leaves no text; line breaks are kept")
    func acrossLines() {
        let markdown = "A [long\nlink](https://example.com) here\n<!-- a\n\n# comment -->\nend\\\nbreak\n"
        #expect(parse(markdown).sections.map(\.text) == ["A long\nlink here", "end\nbreak"])
        #expect(parse(markdown).sections.map(\.headingPath) == [[], []])
    }

    @Test("unmatched markup stays as written")
    func unmatched() {
        let markdown = "a `b and [c] and [d](e and <f and x < y > z and ``"
        #expect(parse(markdown).sections.map(\.text) == [markdown])
    }

    @Test("paragraphs split at blank lines; their spans are exactly their lines")
    func paragraphs() throws {
        let markdown = "  First line\nsecond line  \n\n\nThird *para*\n"
        let document = parse(markdown)
        #expect(document.sections.map(\.text) == ["First line\nsecond line", "Third para"])
        #expect(document.sections.map(\.span.firstLine) == [1, 5])
        #expect(document.sections.map(\.span.lastLine) == [2, 5])
        #expect(source(of: document.sections[0], in: markdown) == "  First line\nsecond line  ")
        #expect(source(of: document.sections[1], in: markdown) == "Third *para*")
    }

    @Test("block quotes are prose without their markers; reference definitions are not text")
    func quotesAndDefinitions() {
        let markdown = "> quoted *text*\n> > nested\nlazy line\n\n[1]: https://example.com\n[^1]: A footnote.\n"
        #expect(parse(markdown).sections.map(\.text) == ["quoted text", "nested\nlazy line", "[^1]: A footnote."])
    }

    @Test("a document of only markup without text has no sections")
    func onlyMarkup() {
        #expect(parse("---\n\n<!-- nothing\n\n# at all -->\n\n[x]:\n  /url\n  'title'\n").sections.isEmpty)
    }
}
