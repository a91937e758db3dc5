import EPUBFormat
import SemfindCore
import TestSupport
import Testing

@Suite struct EPUBFormatTests {
    let epub = EPUBFormat()

    /// Chapters come in spine order (not manifest or archive order), headed by their own
    /// headings, or by their label in the navigation document when they have none; a title
    /// page's heading, the book's title again, is not repeated.
    @Test func chaptersInSpineOrderWithHeadings() throws {
        let chapters = [
            BookFixture.Chapter(
                part: "OEBPS/title.xhtml", id: "title", body: BookFixture.page("<h1>Sea Tales</h1><p>A collection.</p>")
            ),
            BookFixture.Chapter(
                part: "OEBPS/text/one.xhtml", id: "one",
                body: BookFixture.page("<h1>The Voyage</h1><p>We set sail at dawn.</p><h2>Storm</h2><p>Waves rose.</p>")
            ),
            BookFixture.Chapter(
                part: "OEBPS/text/two.xhtml", id: "two", body: BookFixture.page("<p>An untitled interlude.</p>")),
            BookFixture.Chapter(
                part: "OEBPS/text/three.xhtml", id: "three",
                body: BookFixture.page("<h1>Landfall</h1><p>Sand at last.</p>")),
        ]
        let navigation = BookFixture.navigation([
            ("text/one.xhtml#start", "Chapter 1"), ("text/two.xhtml", "Interlude"), ("text/three.xhtml", "Chapter 3"),
        ])
        let bytes = try BookFixture.epub(
            title: "Sea Tales", chapters: chapters, spine: ["title", "three", "one", "two"], navigation: navigation)
        let document = try epub.parse(bytes)

        #expect(document.title == "Sea Tales")
        #expect(document.warnings.isEmpty)
        let sections = document.sections.map { [$0.text, $0.headingPath.joined(separator: " > ")] }
        #expect(
            sections == [
                ["A collection.", "Sea Tales"],
                ["Sand at last.", "Sea Tales > Landfall"],
                ["We set sail at dawn.", "Sea Tales > The Voyage"],
                ["Waves rose.", "Sea Tales > The Voyage > Storm"],
                ["An untitled interlude.", "Sea Tales > Interlude"],
            ])
        #expect(document.sections.map(\.span.firstLine) == [1, 3, 5, 7, 9])
    }

    /// Lists and tables in a chapter keep their kinds.
    @Test func chapterBlocksKeepTheirKinds() throws {
        let chapter = BookFixture.Chapter(
            part: "OEBPS/c.xhtml", id: "c",
            body: BookFixture.page("<ul><li>alpha</li><li>beta</li></ul><table><tr><td>a</td><td>b</td></tr></table>"))
        let bytes = try BookFixture.epub(
            title: "Kinds", chapters: [chapter], spine: ["c"], navigation: BookFixture.navigation([]))
        let sections = try epub.parse(bytes).sections
        #expect(sections.map(\.kind) == [.list, .table])
        #expect(sections.map(\.text) == ["- alpha\n- beta", "a | b"])
    }

    /// A spine item missing from the archive is a warning; the rest is read.
    @Test func missingChapterIsAWarning() throws {
        let present = BookFixture.Chapter(part: "OEBPS/a.xhtml", id: "a", body: BookFixture.page("<p>Here.</p>"))
        var bytes = try BookFixture.epub(
            title: "Gaps", chapters: [present], spine: ["a"], navigation: BookFixture.navigation([]))
        let document = try epub.parse(bytes)
        #expect(document.sections.map(\.text) == ["Here."])

        bytes = try ZipFixture.zip([
            ("META-INF/container.xml", BookFixture.container),
            (
                "OEBPS/content.opf",
                BookFixture.opf(
                    title: "Gaps", chapters: [present, .init(part: "OEBPS/gone.xhtml", id: "gone", body: "")],
                    spine: ["gone", "a"])
            ),
            ("OEBPS/a.xhtml", present.body),
        ])
        let gappy = try epub.parse(bytes)
        #expect(gappy.sections.map(\.text) == ["Here."])
        #expect(gappy.warnings == ["chapter OEBPS/gone.xhtml is not in the archive"])
    }

    @Test func zipWithoutContainerIsRefused() throws {
        let bytes = try ZipFixture.zip([("mimetype", "application/epub+zip")])
        #expect(throws: SemfindError.self) { try epub.parse(bytes) }
    }
}

extension EPUBFormatTests {
    /// XHTML's self-closing tags, which an HTML parser does not know, lose no text.
    @Test func selfClosingTagsLoseNoText() throws {
        let chapter = BookFixture.Chapter(
            part: "OEBPS/c.xhtml", id: "c",
            body: """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head>
                <body><h2>Part <a id="p1"/>One</h2><p>First<br/>line &amp; <span class="x"/>more.</p><p>Next.</p></body></html>
                """)
        let bytes = try BookFixture.epub(
            title: "Tags", chapters: [chapter], spine: ["c"], navigation: BookFixture.navigation([]))
        let sections = try epub.parse(bytes).sections
        #expect(sections.map(\.text) == ["First\nline & more.", "Next."])
        #expect(sections.map(\.headingPath) == [["Tags", "Part One"], ["Tags", "Part One"]])
    }
}

extension EPUBFormatTests {
    /// A chapter is a document, not a site's page: its header, footer and lists of links are
    /// read; navigation is not.
    @Test func chaptersKeepHeadersFootersAndLinkLists() throws {
        let chapter = BookFixture.Chapter(
            part: "OEBPS/c.xhtml", id: "c",
            body: BookFixture.page(
                """
                <header><h1>Chapter One</h1></header><p>Text.</p>\
                <ul><li><a href="a.xhtml">Alpha</a></li><li><a href="b.xhtml">Beta</a></li></ul>\
                <nav><a href="toc.xhtml">Contents</a></nav><footer><p>End note.</p></footer>
                """))
        let bytes = try BookFixture.epub(
            title: "Doc", chapters: [chapter], spine: ["c"], navigation: BookFixture.navigation([]))
        let sections = try epub.parse(bytes).sections
        #expect(sections.map(\.text) == ["Text.", "- Alpha\n- Beta", "End note."])
        #expect(sections.allSatisfy { $0.headingPath == ["Doc", "Chapter One"] })
    }
}

extension EPUBFormatTests {
    /// A book without a title whose chapter has neither headings nor a label is read, with no
    /// heading path (the title-page rule must not fire on two absent titles).
    @Test func untitledBookWithUnlabelledChapter() throws {
        let chapter = BookFixture.Chapter(part: "OEBPS/c.xhtml", id: "c", body: BookFixture.page("<p>Plain.</p>"))
        let opf = BookFixture.opf(title: "", chapters: [chapter], spine: ["c"])
        let bytes = try ZipFixture.zip([
            ("META-INF/container.xml", BookFixture.container), ("OEBPS/content.opf", opf), (chapter.part, chapter.body),
        ])
        let document = try epub.parse(bytes)
        #expect(document.title == nil)
        #expect(document.sections.map(\.text) == ["Plain."])
        #expect(document.sections.map(\.headingPath) == [[]])
    }
}
