import SemfindCore
import Testing

@testable import MarkdownFormat

@Suite("Markdown encodings, line endings and empty input")
struct EncodingTests {
    @Test("CRLF: texts have no \\r, spans cover the original lines and the CRLF between them")
    func crlf() throws {
        let markdown = "# Title\r\n\r\nline one\r\nline two\r\n\r\n```\r\ncode\r\n```\r\n"
        let document = parse(markdown)
        #expect(document.sections.map(\.text) == ["line one\nline two", "code"])
        #expect(document.sections.map(\.headingPath) == [["Title"], ["Title"]])
        let prose = try #require(document.sections.first)
        #expect(prose.span.firstLine == 3 && prose.span.lastLine == 4)
        #expect(source(of: prose, in: markdown) == "line one\r\nline two")
        let code = try #require(document.sections.last)
        #expect(code.span.firstLine == 6 && code.span.lastLine == 8)
        #expect(source(of: code, in: markdown) == "```\r\ncode\r\n```")
    }

    @Test("UTF-16 LE with a BOM: text decoded, spans point at the original UTF-16 bytes")
    func utf16LittleEndian() throws {
        let markdown = "# Título\r\n\r\nPárrafo uno\r\nsegunda línea 😀\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in markdown.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = MarkdownFormat().parse(bytes)
        #expect(document.warnings.isEmpty)
        let section = try #require(document.sections.first)
        #expect(document.sections.count == 1)
        #expect(section.headingPath == ["Título"])
        #expect(section.text == "Párrafo uno\nsegunda línea 😀")
        #expect(section.span.firstLine == 3 && section.span.lastLine == 4)
        let units = stride(from: section.span.bytes.lowerBound, to: section.span.bytes.upperBound, by: 2).map {
            UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8
        }
        #expect(section.span.bytes.count % 2 == 0)
        #expect(String(decoding: units, as: UTF16.self) == "Párrafo uno\r\nsegunda línea 😀")
    }

    @Test("a UTF-8 BOM is not text; spans still count it")
    func utf8ByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# Head\nbody\n".utf8)
        let document = MarkdownFormat().parse(bytes)
        let section = try #require(document.sections.first)
        #expect(section.headingPath == ["Head"])
        #expect(section.span.bytes == 10..<14)
    }

    @Test("invalid UTF-8 is read as windows-1252, curly quotes and € included, with a warning")
    func windows1252Fallback() throws {
        let bytes: [UInt8] =
            Array("# Caf".utf8) + [0xE9] + Array("\n\nna".utf8) + [0xEF] + Array("ve ".utf8)
            + [0x93, 0x74, 0x65, 0x78, 0x74, 0x94, 0x20, 0x80, 0x35, 0x20, 0x81, 0x9D, 0x0A]
        let document = MarkdownFormat().parse(bytes)
        #expect(document.sections.map(\.text) == ["naïve “text” €5 \u{81}\u{9D}"])
        #expect(document.sections.map(\.headingPath) == [["Café"]])
        #expect(document.sections.first?.span.bytes == 8..<26)
        #expect(document.warnings == ["not valid UTF-8: decoded as windows-1252"])
        #expect(parse("valid ü").warnings.isEmpty)
    }

    @Test("empty and blank input give no sections, no title, no warnings")
    func emptyInput() {
        for input in ["", "\n", "  \n\t\n\r\n"] {
            let document = parse(input)
            #expect(document.sections.isEmpty)
            #expect(document.title == nil)
            #expect(document.warnings.isEmpty)
        }
    }

    @Test("the plugin claims Markdown types and extensions, not plain text")
    func claims() {
        let format = MarkdownFormat()
        #expect(format.name == "markdown")
        #expect(format.version == 4)
        #expect(format.mimeTypes == ["text/markdown", "text/x-markdown"])
        #expect(format.extensions.isSuperset(of: ["md", "markdown"]))
        #expect(!format.extensions.contains("txt"))
    }

    @Test("given the caller's decoded lines, it parses them and decodes nothing itself")
    func parsesGivenLines() {
        let bytes = Array("# Título\r\n\r\nPárrafo uno\r\n".utf8)
        #expect(MarkdownFormat().parse(bytes, decoded: DecodedText(bytes)) == MarkdownFormat().parse(bytes))
        let fromLinesAlone = MarkdownFormat().parse([], decoded: DecodedText(bytes))
        #expect(fromLinesAlone.sections.map(\.text) == ["Párrafo uno"])
        #expect(fromLinesAlone.sections.map(\.headingPath) == [["Título"]])
    }
}
