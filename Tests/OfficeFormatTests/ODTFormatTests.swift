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
