import Foundation
import ODTFormat
import SemfindCore
import TestSupport
import Testing

@Suite struct ODTFormatTests {
    let odt = ODTFormat()

    @Test func headingsParagraphsListsTablesAndNotes() throws {
        let body = """
            <text:h text:outline-level="1">Setup</text:h>
            <text:p>Install   the <text:span>package</text:span>.<text:note text:note-class="footnote">\
            <text:note-citation>1</text:note-citation><text:note-body><text:p>From Debian.</text:p></text:note-body>\
            </text:note></text:p>
            <text:h text:outline-level="2">Options</text:h>
            <text:list><text:list-item><text:p>fast</text:p>\
            <text:list><text:list-item><text:p>very fast</text:p></text:list-item></text:list></text:list-item>\
            <text:list-item><text:p>small</text:p><text:p>and tidy</text:p></text:list-item></text:list>
            <table:table><table:table-row><table:table-cell><text:p>key</text:p></table:table-cell>\
            <table:table-cell><text:p>value</text:p></table:table-cell></table:table-row></table:table>
            <text:h text:outline-level="1">Use</text:h>
            <text:p>Two<text:s text:c="2"/>spaces<text:tab/>tab<text:line-break/>break</text:p>
            <office:annotation><text:p>a comment</text:p></office:annotation>
            """
        let document = try odt.parse(OpenDocumentFixture.odt(body: body, title: "Manual"))
        #expect(document.title == "Manual")
        let sections = document.sections.map { [$0.text, $0.headingPath.joined(separator: " > "), $0.kind.rawValue] }
        #expect(
            sections == [
                ["Install the package.", "Manual > Setup", "prose"],
                ["- fast\n  - very fast\n- small\n  and tidy", "Manual > Setup > Options", "list"],
                ["key | value", "Manual > Setup > Options", "table"],
                ["Two  spaces\ttab\nbreak", "Manual > Use", "prose"],
                ["[1] From Debian.", "Manual > Notes", "prose"],
            ])
        #expect(document.sections.map(\.span.firstLine) == [2, 4, 8, 10, 13])
    }

    /// Paragraphs in the "Preformatted Text" style, directly or through an automatic style, make
    /// one code block with their indentation.
    @Test func preformattedParagraphsAreOneCodeBlock() throws {
        let styles = """
            <office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            style:name="P1" style:family="paragraph" style:parent-style-name="Preformatted_20_Text"/></office:automatic-styles>
            """
        let body = """
            <text:p>Run:</text:p><text:p text:style-name="P1">if ready {</text:p>\
            <text:p text:style-name="Preformatted_20_Text"><text:s text:c="4"/>go()</text:p>\
            <text:p text:style-name="P1">}</text:p><text:p>Done.</text:p>
            """
        let content = OpenDocumentFixture.content(body).replacingOccurrences(
            of: "<office:body>", with: styles + "<office:body>")
        let bytes = try ZipFixture.zip([("content.xml", content)])
        let sections = try odt.parse(bytes).sections
        #expect(sections.map(\.kind) == [.prose, .code, .prose])
        #expect(sections.map(\.text) == ["Run:", "if ready {\n    go()\n}", "Done."])
    }

    /// Items are marked as their list style numbers them (automatic styles in content.xml, named
    /// ones in styles.xml): format, prefix and suffix, start values, levels shown, a count that
    /// restarts under a new item above it and goes on in a list that continues another; bullets
    /// and unknown styles are "-".
    @Test func listsAreNumberedByTheirStyles() throws {
        let style = #"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0""#
        let automatic = """
            <office:automatic-styles><text:list-style \(style) style:name="L1">\
            <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>\
            <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>\
            <text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="." text:display-levels="3"/>\
            </text:list-style><text:list-style \(style) style:name="L2">\
            <text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>\
            </office:automatic-styles>
            """
        let named = """
            <office:document-styles \(OpenDocumentFixture.namespaces) \(style)><office:styles>\
            <text:list-style style:name="Numbering_20_123"><text:list-level-style-number text:level="1" \
            style:num-format="I" style:num-prefix="(" style:num-suffix=")"/></text:list-style>\
            </office:styles></office:document-styles>
            """
        func item(_ text: String, _ inner: String = "", start: Int? = nil) -> String {
            let value = start.map { #" text:start-value="\#($0)""# } ?? ""
            return "<text:list-item\(value)><text:p>\(text)</text:p>\(inner)</text:list-item>"
        }
        let body = """
            <text:list text:style-name="L1" xml:id="first">\(item("alpha"))\
            \(item("beta", "<text:list>" + item("inner", "<text:list>" + item("deepest") + "</text:list>") + item("inner two") + "</text:list>"))\
            \(item("gamma"))</text:list><text:p>between</text:p>\
            <text:list text:style-name="L1" text:continue-list="first">\(item("delta"))</text:list>\
            <text:list text:style-name="L2">\(item("dot"))</text:list>\
            <text:list text:style-name="Numbering_20_123">\(item("seventh", start: 7))\(item("eighth"))</text:list>\
            <text:list text:style-name="Unknown">\(item("plain"))</text:list>
            """
        let content = OpenDocumentFixture.content(body).replacingOccurrences(
            of: "<office:body>", with: automatic + "<office:body>")
        let bytes = try ZipFixture.zip([("content.xml", content), ("styles.xml", named)])
        let sections = try odt.parse(bytes).sections
        #expect(
            sections.map(\.text) == [
                "1. alpha\n2. beta\n  a) inner\n    2.a.1. deepest\n  b) inner two\n3. gamma", "between", "4. delta",
                "- dot", "(VII) seventh\n(VIII) eighth", "- plain",
            ])
    }

    @Test func headingWithoutLevelIsOutermost() throws {
        let body = "<text:h>Top</text:h><text:p>under it</text:p>"
        let sections = try odt.parse(OpenDocumentFixture.odt(body: body)).sections
        #expect(sections.map(\.headingPath) == [["Top"]])
    }

    @Test func zipWithoutContentIsRefused() throws {
        let bytes = try ZipFixture.zip([("mimetype", "application/vnd.oasis.opendocument.text")])
        #expect(throws: SemfindError.self) { try odt.parse(bytes) }
    }
}
