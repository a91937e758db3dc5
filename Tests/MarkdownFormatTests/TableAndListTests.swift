import SemfindCore
import Testing

@testable import MarkdownFormat

@Suite("Markdown tables and lists")
struct TableAndListTests {
    @Test("a GFM table is one .table section: a row per line, cells stripped, delimiter row dropped")
    func table() throws {
        let markdown = """
            ## Team

            | Name | Role  | Note |
            |------|:-----:|-----:|
            | Ann  | *dev* | a \\| b |
            | Bob  | [ops](https://x.y) |

            After the table.
            """
        let document = parse(markdown)
        #expect(document.sections.count == 2)
        let table = try #require(document.sections.first)
        #expect(table.kind == .table)
        #expect(table.text == "Name | Role | Note\nAnn | dev | a | b\nBob | ops")
        #expect(table.headingPath == ["Team"])
        #expect(table.span.firstLine == 3 && table.span.lastLine == 6)
        #expect(source(of: table, in: markdown) == lines(3, 6, of: markdown))
        #expect(document.sections.last?.kind == .prose)
    }

    @Test("a table may interrupt a paragraph; pipes without a delimiter row are prose")
    func tableAfterParagraph() {
        let document = parse("Intro line\na | b\n--|--\n1 | 2\n\nx | y\nno delimiter here\n")
        #expect(document.sections.map(\.kind) == [.prose, .table, .prose])
        #expect(document.sections.map(\.text) == ["Intro line", "a | b\n1 | 2", "x | y\nno delimiter here"])
        #expect(document.sections[1].span.firstLine == 2 && document.sections[1].span.lastLine == 4)
    }

    @Test("a header whose cell count differs from the delimiter row is not a table")
    func mismatchedTable() {
        let document = parse("| a | b | c |\n| --- | --- |\n")
        #expect(document.sections.map(\.kind) == [.prose])
    }

    @Test("list items with continuation, nesting and a blank line between items are one .list section")
    func list() throws {
        let markdown = """
            Steps:
            - one
            - two **bold**
              continued
              - nested [link](u)

            - loose item
            * other bullet

            After the list.
            """
        let document = parse(markdown)
        #expect(document.sections.map(\.kind) == [.prose, .list, .prose])
        let list = document.sections[1]
        #expect(list.text == "- one\n- two bold\n  continued\n  - nested link\n- loose item\n* other bullet")
        #expect(list.span.firstLine == 2 && list.span.lastLine == 8)
        #expect(source(of: list, in: markdown) == lines(2, 8, of: markdown))
        #expect(document.sections.map(\.text).first == "Steps:")
        #expect(document.sections.last?.text == "After the list.")
    }

    @Test("ordered lists; a number that does not start at 1 does not interrupt a paragraph")
    func orderedList() {
        let document = parse("1. first\n2) second\n\nThe year was\n1990. It rained.\n")
        #expect(document.sections.map(\.kind) == [.list, .prose])
        #expect(document.sections.map(\.text) == ["1. first\n2) second", "The year was\n1990. It rained."])
    }

    @Test("a fenced block inside a list item stays in the list, verbatim, blank lines and all")
    func fenceInList() throws {
        let markdown = "- run:\n\n  ```sh\n  make *all*\n\n  # not a heading\n  ```\n- done\n\nText\n"
        let document = parse(markdown)
        #expect(document.sections.map(\.kind) == [.list, .prose])
        let list = try #require(document.sections.first)
        #expect(list.text == "- run:\nmake *all*\n\n# not a heading\n- done")
        #expect(list.span.lastLine == 8)
    }

    @Test("a thematic break or a heading ends a list; a lazy line continues it")
    func listEnds() {
        let document = parse("- a\nlazy\n***\n- b\n# H\n- c\n")
        #expect(document.sections.map(\.text) == ["- a\nlazy", "- b", "- c"])
        #expect(document.sections.map(\.headingPath) == [[], [], ["H"]])
    }
}
