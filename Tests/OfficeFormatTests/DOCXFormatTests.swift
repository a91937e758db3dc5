import DOCXFormat
import SemfindCore
import TestSupport
import Testing

@Suite struct DOCXFormatTests {
    let docx = DOCXFormat()

    @Test func headingsParagraphsTablesAndFootnotes() throws {
        let body = [
            WordFixture.paragraph("Installing", style: "Heading1"),
            WordFixture.paragraph("Run the installer as root."),
            WordFixture.paragraph("On Debian", style: "Heading2"),
            WordFixture.paragraph("Use apt.<w:r><w:br/></w:r>Then reboot."),
            WordFixture.table([["Package", "Size"], ["semfind", "4 MB"]]),
            WordFixture.paragraph("Using", style: "Heading1"),
            WordFixture.paragraph("Search by meaning."),
        ].joined()
        let document = try docx.parse(
            WordFixture.docx(body: body, title: "User guide", footnotes: ["A note on roots."]))

        #expect(document.title == "User guide")
        #expect(document.warnings.isEmpty)
        let sections = document.sections.map { [$0.text, $0.headingPath.joined(separator: " > "), $0.kind.rawValue] }
        #expect(
            document.sections.map(\.opensHeading) == [true, true, false, true, true],
            "the first block under each heading")
        #expect(
            sections == [
                ["Run the installer as root.", "User guide > Installing", "prose"],
                ["Use apt.\nThen reboot.", "User guide > Installing > On Debian", "prose"],
                ["Package | Size\nsemfind | 4 MB", "User guide > Installing > On Debian", "table"],
                ["Search by meaning.", "User guide > Using", "prose"],
                ["[1] A note on roots.", "User guide > Footnotes", "prose"],
            ])
    }

    /// Spans count the lines of the extracted text (headings included) and its UTF-8 bytes.
    @Test func spansCountExtractedLines() throws {
        let body = [
            WordFixture.paragraph("Title", style: "Heading1"), WordFixture.paragraph("first"),
            WordFixture.paragraph("two<w:r><w:br/></w:r>lines"), WordFixture.paragraph("last"),
        ].joined()
        let spans = try docx.parse(WordFixture.docx(body: body)).sections.map(\.span)
        #expect(
            spans == [
                SourceSpan(firstLine: 2, lastLine: 2, bytes: 6..<11),
                SourceSpan(firstLine: 3, lastLine: 4, bytes: 12..<21),
                SourceSpan(firstLine: 5, lastLine: 5, bytes: 22..<26),
            ])
    }

    /// A paragraph's own outline level makes it a heading, and a style's outline level does too;
    /// level 9 is body text even in a heading style.
    @Test func outlineLevelsMakeHeadings() throws {
        let body = [
            #"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Part one</w:t></w:r></w:p>"#,
            WordFixture.paragraph("Chapter A", style: "Chapter"),
            #"<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Detail</w:t></w:r></w:p>"#,
            #"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Plain</w:t></w:r></w:p>"#,
        ].joined()
        let sections = try docx.parse(WordFixture.docx(body: body)).sections
        #expect(sections.map(\.text) == ["Plain"])
        #expect(sections.map(\.headingPath) == [["Chapter A", "Detail"]])
    }

    /// Deleted text, field codes, tab stops and the fallback copy of a text box are not read.
    @Test func hiddenCopiesAreLeftOut() throws {
        let body = """
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
            <w:r><w:t>kept</w:t></w:r><w:r><w:tab/><w:t>after tab</w:t></w:r>\
            <w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>\
            <w:r><w:instrText>PAGE</w:instrText></w:r>\
            <w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>\
            </w:p>
            """
        let texts = try docx.parse(WordFixture.docx(body: body)).sections.map(\.text)
        #expect(texts == ["boxed", "kept\tafter tab"])
    }

    /// What pandoc -t plain leaves out, semfind leaves out: headers and footers (furniture
    /// repeated on every page) and comments (reviewers' notes beside the text, as ODT's
    /// annotations are); the text a comment marks reads on unbroken.
    @Test func headersFootersAndCommentsAreLeftOut() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Body text with a </w:t></w:r><w:commentRangeStart w:id="0"/>\
            <w:r><w:t>comm</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>\
            <w:r><w:t>ented word.</w:t></w:r></w:p>
            """
        let relationships = WordFixture.documentRelationships.replacingOccurrences(
            of: "</Relationships>",
            with: """
                <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
                <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
                <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
                </Relationships>
                """)
        func part(_ root: String, _ inside: String) -> String {
            #"<?xml version="1.0"?><w:\#(root) \#(WordFixture.namespaces)>\#(inside)</w:\#(root)>"#
        }
        let bytes = try ZipFixture.zip([
            ("[Content_Types].xml", WordFixture.contentTypes), ("_rels/.rels", WordFixture.packageRelationships),
            ("word/document.xml", WordFixture.document(body)), ("word/_rels/document.xml.rels", relationships),
            (
                "word/comments.xml",
                part("comments", #"<w:comment w:id="0">\#(WordFixture.paragraph("Is this right?"))</w:comment>"#)
            ),
            ("word/header1.xml", part("hdr", WordFixture.paragraph("Running header"))),
            ("word/footer1.xml", part("ftr", WordFixture.paragraph("Confidential footer"))),
        ])
        #expect(try docx.parse(bytes).sections.map(\.text) == ["Body text with a commented word."])
    }

    /// Runs of list items are one list section, marked as Word numbers them; a paragraph ends
    /// the list, and numbering id "0" is no list.
    @Test func listsAreMarkedAsNumbered() throws {
        let body = [
            WordFixture.item("milk", numbering: 1), WordFixture.item("first", numbering: 1, level: 1),
            WordFixture.item("second", numbering: 1, level: 1), WordFixture.item("eggs", numbering: 1),
            WordFixture.paragraph("Steps:"), WordFixture.item("whisk", numbering: 2),
            WordFixture.item("gently", numbering: 2, level: 1), WordFixture.item("bake", numbering: 2),
            WordFixture.item("not a list", numbering: 0),
        ].joined()
        let sections = try docx.parse(WordFixture.docx(body: body)).sections
        #expect(sections.map(\.kind) == [.list, .prose, .list, .prose])
        #expect(
            sections.map(\.text) == [
                "- milk\n  1. first\n  2. second\n- eggs", "Steps:", "1. whisk\n  a. gently\n2. bake", "not a list",
            ])
    }

    @Test func documentWithoutPropertiesOrStyles() throws {
        let bytes = try ZipFixture.zip([("word/document.xml", WordFixture.document(WordFixture.paragraph("Bare.")))])
        let document = try docx.parse(bytes)
        #expect(document.title == nil)
        #expect(document.sections.map(\.text) == ["Bare."])
    }
}

extension DOCXFormatTests {
    /// Character and predefined entity references are text like any other.
    @Test func referencesAreResolved() throws {
        let body = WordFixture.paragraph("R&amp;D &lt;fast&gt; caf&#233; &#x20AC;5")
        #expect(try docx.parse(WordFixture.docx(body: body)).sections.map(\.text) == ["R&D <fast> café €5"])
    }

    /// A run of paragraphs in a code style is one code block, its lines and indentation kept.
    @Test func codeParagraphsAreOneCodeBlock() throws {
        let body = [
            WordFixture.paragraph("Run:"),
            WordFixture.paragraph("make build<w:r><w:br/></w:r>  --fast", style: "SourceCode"),
            WordFixture.paragraph("make test", style: "SourceCode"), WordFixture.paragraph("Done."),
        ].joined()
        let sections = try docx.parse(WordFixture.docx(body: body)).sections
        #expect(sections.map(\.kind) == [.prose, .code, .prose])
        #expect(sections.map(\.text) == ["Run:", "make build\n  --fast\nmake test", "Done."])
    }
}
