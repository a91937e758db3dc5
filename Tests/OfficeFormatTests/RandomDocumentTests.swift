import DOCXFormat
import EPUBFormat
import ODTFormat
import PPTXFormat
import SemfindCore
import TestSupport
import Testing

/// Well-formed but arbitrary documents: elements each format knows, nested at random, with and
/// without the attributes it reads. Each is parsed or refused with `.invalidInput`; none crashes.
@Suite struct RandomDocumentTests {
    /// A small deterministic generator (a linear congruential one), so a failure repeats.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// A random forest of `names` (prefixed), each element maybe given one of `attributes`.
    static func forest(_ names: [String], attributes: [String], depth: Int, random: inout Generator) -> String {
        var xml = ""
        for _ in 0..<random.next(4) {
            if random.next(3) == 0 {
                xml += ["text ", "  ", "ünï &amp; ", "\t", "x"][random.next(5)]
                continue
            }
            let name = names[random.next(names.count)]
            let attribute = random.next(2) == 0 ? " " + attributes[random.next(attributes.count)] : ""
            let inner = depth > 0 ? forest(names, attributes: attributes, depth: depth - 1, random: &random) : ""
            xml += "<\(name)\(attribute)>\(inner)</\(name)>"
        }
        return xml
    }

    func check(_ parse: () throws -> ParsedDocument) {
        do {
            _ = try parse()
        } catch let error as SemfindError {
            #expect(error.code == .invalidInput)
        } catch {
            Issue.record("not a SemfindError: \(error)")
        }
    }

    @Test func randomWordDocuments() throws {
        var random = Generator(state: 1)
        let names = [
            "w:p", "w:r", "w:t", "w:tab", "w:br", "w:tbl", "w:tr", "w:tc", "w:pPr", "w:pStyle", "w:outlineLvl",
            "w:numPr", "w:ilvl", "w:numId", "mc:Fallback", "w:txbxContent", "w:delText",
        ]
        let attributes = [#"w:val="Heading1""#, #"w:val="9""#, #"w:val="0""#, #"w:val="SourceCode""#, #"w:val="-3""#]
        for _ in 0..<150 {
            let body = Self.forest(names, attributes: attributes, depth: 5, random: &random)
            let bytes = try WordFixture.docx(body: body, footnotes: random.next(2) == 0 ? [body] : [])
            check { try DOCXFormat().parse(bytes) }
        }
    }

    @Test func randomOpenDocuments() throws {
        var random = Generator(state: 2)
        let names = [
            "text:p", "text:h", "text:span", "text:s", "text:tab", "text:line-break", "text:list", "text:list-item",
            "text:note", "text:note-body", "table:table", "table:table-row", "table:table-cell", "office:annotation",
        ]
        let attributes = [
            #"text:outline-level="2""#, #"text:outline-level="-1""#, #"text:c="3""#, #"text:c="-2""#,
            #"text:style-name="Preformatted_20_Text""#,
        ]
        for _ in 0..<150 {
            let body = Self.forest(names, attributes: attributes, depth: 5, random: &random)
            check { try ODTFormat().parse(OpenDocumentFixture.odt(body: body)) }
        }
    }

    @Test func randomSlides() throws {
        var random = Generator(state: 3)
        let names = [
            "p:sp", "p:nvSpPr", "p:nvPr", "p:ph", "p:txBody", "a:p", "a:r", "a:t", "a:br", "a:tbl", "a:tr", "a:tc",
        ]
        let attributes = [#"type="title""#, #"type="body""#, #"type="sldNum""#]
        for _ in 0..<150 {
            let slides = [
                (
                    "slide1.xml",
                    SlideFixture.slide(Self.forest(names, attributes: attributes, depth: 6, random: &random))
                )
            ]
            let notes = SlideFixture.slide(Self.forest(names, attributes: attributes, depth: 6, random: &random))
            check { try PPTXFormat().parse(SlideFixture.pptx(slides: slides, order: ["slide1.xml"], notes: notes)) }
        }
    }

    @Test func randomBooks() throws {
        var random = Generator(state: 4)
        let names = [
            "h1", "h2", "p", "ul", "li", "table", "tr", "td", "header", "footer", "nav", "section", "a", "pre",
        ]
        let attributes = [#"href="c.xhtml""#, ##"href="#x""##, #"role="navigation""#, #"hidden="hidden""#]
        for _ in 0..<100 {
            let titled = random.next(2) == 0
            let chapter = BookFixture.Chapter(
                part: "OEBPS/c.xhtml", id: "c",
                body: BookFixture.page(Self.forest(names, attributes: attributes, depth: 5, random: &random)))
            let navigation = BookFixture.navigation(random.next(2) == 0 ? [("c.xhtml", "Label")] : [])
            let bytes = try BookFixture.epub(
                title: titled ? "Book" : "", chapters: [chapter], spine: ["c", "c", "missing"], navigation: navigation)
            check { try EPUBFormat().parse(bytes) }
        }
    }
}
