import SemfindCore
import Testing

@testable import TextFormat

@Suite("Plain text paragraphs")
struct TextFormatTests {
    func parse(_ text: String) -> ParsedDocument { TextFormat().parse(Array(text.utf8)) }

    func source(of section: Section, in text: String) -> String {
        String(decoding: Array(text.utf8)[section.span.bytes], as: UTF8.self)
    }

    @Test("paragraphs are runs of non-blank lines; spans are exactly their lines")
    func paragraphs() throws {
        let text = "  First line\nsecond line\n\n \t \n\nThird *para*\n# not a heading\n"
        let document = parse(text)
        #expect(document.sections.map(\.text) == ["  First line\nsecond line", "Third *para*\n# not a heading"])
        #expect(document.sections.map(\.kind) == [.prose, .prose])
        #expect(document.sections.map(\.headingPath) == [[], []])
        #expect(document.sections.map(\.span.firstLine) == [1, 6])
        #expect(document.sections.map(\.span.lastLine) == [2, 7])
        #expect(source(of: document.sections[0], in: text) == "  First line\nsecond line")
        #expect(source(of: document.sections[1], in: text) == "Third *para*\n# not a heading")
        #expect(document.title == nil)
        #expect(document.warnings.isEmpty)
    }

    @Test("CRLF and lone CR: texts have no \\r, spans cover the original line breaks")
    func lineEndings() throws {
        let text = "one\r\ntwo\r\n\r\nthree\rfour"
        let document = parse(text)
        #expect(document.sections.map(\.text) == ["one\ntwo", "three\nfour"])
        #expect(source(of: document.sections[0], in: text) == "one\r\ntwo")
        #expect(source(of: document.sections[1], in: text) == "three\rfour")
        #expect(document.sections[1].span.firstLine == 4 && document.sections[1].span.lastLine == 5)
    }

    @Test("UTF-16 LE with a BOM: spans point at the original UTF-16 bytes")
    func utf16LittleEndian() throws {
        let text = "Grüße\n\nzweiter Absatz 😀\nEnde"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = TextFormat().parse(bytes)
        #expect(document.sections.map(\.text) == ["Grüße", "zweiter Absatz 😀\nEnde"])
        let second = try #require(document.sections.last)
        let units = stride(from: second.span.bytes.lowerBound, to: second.span.bytes.upperBound, by: 2).map {
            UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8
        }
        #expect(second.span.bytes.upperBound == bytes.count)
        #expect(String(decoding: units, as: UTF16.self) == "zweiter Absatz 😀\nEnde")
        #expect(document.warnings.isEmpty)
    }

    @Test("a UTF-8 BOM is not text; the first span starts after it")
    func utf8ByteOrderMark() {
        let document = TextFormat().parse([0xEF, 0xBB, 0xBF] + Array("hello\n".utf8))
        #expect(document.sections.map(\.text) == ["hello"])
        #expect(document.sections.first?.span.bytes == 3..<8)
    }

    @Test("windows-1252 text keeps its curly quotes, dashes and euro sign, and every other byte, with a warning")
    func windows1252Fallback() {
        let bytes: [UInt8] =
            [0x93] + Array("Caf".utf8) + [0xE9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80, 0x0A, 0x0A]
            + [0x81, 0x61, 0x9D, 0x20, 0x85, 0xFF]
        let document = TextFormat().parse(bytes)
        #expect(document.sections.map(\.text) == ["“Café” – 5€", "\u{81}a\u{9D} …ÿ"])
        #expect(document.sections.map(\.span.bytes) == [0..<11, 13..<19])
        #expect(document.warnings == ["not valid UTF-8: decoded as windows-1252"])
    }

    @Test("empty and blank input give no sections")
    func emptyInput() {
        for input in ["", "\n", " \n\t\n\r\n"] {
            #expect(parse(input).sections.isEmpty)
            #expect(parse(input).warnings.isEmpty)
        }
    }

    @Test("a 5 MB single line is one section holding all of it")
    func hugeLine() throws {
        let line = String(repeating: "log entry 42 ", count: 400_000)
        let document = parse("before\n\n" + line + "\n\nafter")
        #expect(document.sections.count == 3)
        let huge = try #require(document.sections.dropFirst().first)
        #expect(huge.text.utf8.count == line.utf8.count)
        #expect(huge.span.bytes == 8..<(8 + line.utf8.count))
        #expect(huge.span.firstLine == 3 && huge.span.lastLine == 3)
    }

    @Test("the plugin claims plain text, not Markdown")
    func claims() {
        let format = TextFormat()
        #expect(format.name == "text")
        #expect(format.version == 3)
        #expect(format.mimeTypes.contains("text/plain"))
        #expect(format.extensions.isSuperset(of: ["txt", "log"]))
        #expect(format.extensions.isDisjoint(with: ["md", "markdown", "html"]))
    }

    @Test("given the caller's decoded lines, it parses them and decodes nothing itself")
    func parsesGivenLines() {
        let text = "\u{FEFF}one\r\n\r\ntwo — ok\n"
        let bytes = Array(text.utf8)
        #expect(TextFormat().parse(bytes, decoded: DecodedText(bytes)) == TextFormat().parse(bytes))
        let fromLinesAlone = TextFormat().parse([], decoded: DecodedText(bytes))
        #expect(fromLinesAlone.sections.map(\.text) == ["one", "two — ok"])
    }
}
