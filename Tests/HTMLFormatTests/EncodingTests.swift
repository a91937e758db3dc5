import SemfindCore
import Testing

@testable import HTMLFormat

/// `text` as bytes, each `\u{…}` up to U+00FF written as one byte (Latin-1).
private func latin1(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
}

@Test("Latin-1 bytes under <meta charset=\"iso-8859-1\"> decode correctly")
func latin1WithMetaCharset() throws {
    let bytes = latin1(
        "<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\u{E9} cr\u{E8}me</p></body></html>")
    let document = try HTMLFormat().parse(bytes)
    #expect(document.sections.map(\.text) == ["café crème"])
    #expect(document.warnings.isEmpty)
}

@Test("windows-1252 declared through http-equiv decodes its curly quotes and euro sign")
func windows1252HttpEquiv() throws {
    let head = "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>"
    let bytes = latin1(head + "<p>\u{93}quoted\u{94} 5 \u{80}</p>")
    #expect(try HTMLFormat().parse(bytes).sections.map(\.text) == ["“quoted” 5 €"])
}

@Test("UTF-8 with no charset declared decodes as UTF-8")
func undeclaredUTF8() throws {
    let document = try parse("<title>Caf\u{E9}</title><p>café — 日本語</p>")
    #expect(document.title == "Café")
    #expect(document.sections.map(\.text) == ["café — 日本語"])
    #expect(document.warnings.isEmpty)
}

@Test("a meta description that merely mentions charsets is no declaration: UTF-8 still decodes")
func metaMentioningCharset() throws {
    let document = try parse("<meta name=\"description\" content=\"all about charsets\"><p>café</p>")
    #expect(document.sections.map(\.text) == ["café"])
}

@Test("an XML declaration's encoding is honoured (libxml2's HTML parser ignores it)")
func xmlDeclarationEncoding() throws {
    let bytes = latin1(
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<html><body><p>\u{93}hi\u{94}</p></body></html>")
    #expect(try HTMLFormat().parse(bytes).sections.map(\.text) == ["“hi”"])
}

@Test("undeclared bytes that are not UTF-8 are read as windows-1252, with a warning")
func undeclaredLegacyBytes() throws {
    let document = try HTMLFormat().parse(latin1("<p>caf\u{E9} \u{80}5</p>"))
    #expect(document.sections.map(\.text) == ["café €5"])
    #expect(document.warnings.contains { $0.contains("windows-1252") })
}

@Test("UTF-16 with a byte order mark decodes, byte spans counted in its two-byte units")
func utf16() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "<p>one</p>\n<p>twö</p>".utf16 {
        bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    let document = try HTMLFormat().parse(bytes)
    #expect(document.sections.map(\.text) == ["one", "twö"])
    #expect(
        document.sections.map(\.span) == [
            SourceSpan(firstLine: 1, lastLine: 1, bytes: 2..<22),
            SourceSpan(firstLine: 2, lastLine: 2, bytes: 24..<44),
        ])
}

@Test("a declared legacy charset decodes when the bytes are valid in it")
func shiftJIS() throws {
    let bytes = latin1("<meta charset=\"Shift_JIS\"><p>") + [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA] + latin1("</p>")
    let document = try HTMLFormat().parse(bytes)
    #expect(document.sections.map(\.text) == ["日本語"])
    #expect(document.warnings.isEmpty)
}

@Test("bytes the declared charset cannot decode fall back to windows-1252: nothing after them is lost")
func undecodableBytes() throws {
    let bytes = latin1(
        "<html><head><meta charset=\"shift_jis\"></head><body><p>\u{FF}\u{FE} x</p><p>after</p></body></html>")
    let document = try HTMLFormat().parse(bytes)
    #expect(document.sections.map(\.text) == ["ÿþ x", "after"])
    #expect(document.warnings == ["not valid shift_jis (as declared) nor UTF-8: decoded as windows-1252"])
}

@Test("an unknown charset: ASCII reads silently, other bytes as windows-1252 with a warning naming it")
func unknownCharset() throws {
    let ascii = try parse("<html><head><meta charset=\"no-such-charset\"></head><body><p>text</p></body></html>")
    #expect(ascii.sections.map(\.text) == ["text"])
    #expect(ascii.warnings.isEmpty)
    let legacy = try HTMLFormat().parse(latin1("<meta charset=\"no-such-charset\"><p>caf\u{E9} \u{80}</p>"))
    #expect(legacy.sections.map(\.text) == ["café €"])
    #expect(legacy.warnings.contains { $0.contains("no-such-charset") })
}

@Test("a UTF-8 page that declares windows-1252 keeps all its text, read as UTF-8")
func misdeclaredWindows1252() throws {
    // "Ё", "ō" and "ŝ" hold the bytes 0x81, 0x8D and 0x9D, which windows-1252 leaves undefined.
    let page = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
        <title>Café</title></head><body><p>“Ёлка” — ōmu ŝi</p><p>the rest of the page</p></body></html>
        """
    let document = try parse(page)
    #expect(document.title == "Café")
    #expect(document.sections.map(\.text) == ["“Ёлка” — ōmu ŝi", "the rest of the page"])
    #expect(document.warnings == ["declared windows-1252 but the bytes are UTF-8: read as UTF-8"])
}

@Test("a UTF-8 byte order mark wins over <meta charset>, as the HTML standard orders them")
func byteOrderMarkBeatsMeta() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"iso-8859-1\"><p>café ’</p>\n<p>two</p>".utf8)
    let document = try HTMLFormat().parse(bytes)
    #expect(document.sections.map(\.text) == ["café ’", "two"])
    #expect(document.sections.last?.span == SourceSpan(firstLine: 2, lastLine: 2, bytes: 47..<57))
    #expect(document.warnings.isEmpty)
}

@Test("windows-1252 as declared: undefined bytes 0x81 and 0x9D become C1 characters, nothing after them is lost")
func windows1252UndefinedBytes() throws {
    let bytes = latin1("<meta charset=\"windows-1252\"><p>a\u{81}b\u{9D}c \u{93}q\u{94}</p><p>after</p>")
    let document = try HTMLFormat().parse(bytes)
    #expect(document.sections.map(\.text) == ["a\u{81}b\u{9D}c “q”", "after"])
    #expect(document.warnings.isEmpty)
}
