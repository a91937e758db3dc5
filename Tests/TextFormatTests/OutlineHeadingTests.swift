import SemfindCore
import Testing

@testable import TextFormat

@Suite("Plain text headings from the indentation outline")
struct OutlineHeadingTests {
    func parse(_ text: String) -> ParsedDocument { TextFormat().parse(Array(text.utf8)) }

    @Test("pod2text's shape: a line over a further indented body is a heading; deeper ones nest under it")
    func podText() {
        let text = """
            NAME
                perlfaq1 - General Questions About Perl

            DESCRIPTION
                This section answers general questions.

              What is Perl?
                Perl is a programming language.

                It has many users.

              What is Perl?
                A second question of the same words.

            AUTHOR
                Somebody
            """
        let sections = parse(text).sections
        #expect(
            sections.map(\.headingPath) == [
                ["NAME"], ["DESCRIPTION"], ["DESCRIPTION", "What is Perl?"], ["DESCRIPTION", "What is Perl?"],
                ["DESCRIPTION", "What is Perl?"], ["AUTHOR"],
            ])
        #expect(sections.map(\.opensHeading) == [true, true, true, false, true, true])
        #expect(sections[2].text == "    Perl is a programming language.")
        #expect(sections.map(\.span.firstLine) == [2, 5, 8, 10, 13, 16])
    }

    @Test("an RFC's shape: a heading standing alone over a further indented paragraph")
    func standingHeading() {
        let text = "1.  Introduction\n\n   The text of the introduction.\n\n2.  Terms\n\n   Words.\n"
        let sections = parse(text).sections
        #expect(sections.map(\.headingPath) == [["1.  Introduction"], ["2.  Terms"]])
        #expect(sections.map(\.text) == ["   The text of the introduction.", "   Words."])
        #expect(sections.map(\.opensHeading) == [true, true])
    }

    @Test("a paragraph at or left of a heading's indent leaves it")
    func leavingHeading() {
        let sections = parse("Title\n    body under it\n\nA paragraph back at the margin.\n").sections
        #expect(sections.map(\.headingPath) == [["Title"], []])
    }

    @Test(
        "not headings: list items, lines that introduce or open code, sentences standing alone, text with no indent",
        arguments: [
            "- a list item whose text\n  wraps under it\n",
            "12. a numbered item that\n    wraps\n",
            "b) a lettered item that\n   wraps\n",
            "To install it, run:\n\n    make install\n",
            "int main() {\n    return 0;\n}\n",
            "This is a whole sentence.\n\n    An indented quotation follows it.\n",
            "Plain text\nwith no indentation\n\nat all.\n",
            "    Some text at the body's indent.\n\n    which means\n\n        $x = 1;\n",
            "        $y = 2;\n\n    This prints\n\n        $x = 1;\n",
            "then one more\n\n    indented line\n",
            "ARGV    The special filehandle. Usually it reads\n        the files named\n",
            "  An indented first line\nover a margin line\n",
        ])
    func notHeadings(text: String) {
        let sections = parse(text).sections
        #expect(sections.allSatisfy { $0.headingPath.isEmpty && !$0.opensHeading })
        #expect(sections.map(\.text).joined(separator: "\n\n") == text.trimmingTrailingNewlines())
    }

    @Test("a title over 80 characters is not a heading")
    func longTitle() {
        let title = String(repeating: "word ", count: 17)
        #expect(parse(title + "\n    body\n").sections.first?.headingPath == [])
    }

    @Test("tabs count to the next multiple of eight")
    func tabs() {
        #expect(OutlineHeading.indent(of: "\tx") == 8)
        #expect(OutlineHeading.indent(of: "   \tx") == 8)
        #expect(OutlineHeading.indent(of: "  x") == 2)
        #expect(parse("NAME\n\tls - list files\n").sections.first?.headingPath == ["NAME"])
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
