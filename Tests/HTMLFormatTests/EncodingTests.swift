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

@Test("bytes the declared charset cannot decode give a warning")
func undecodableBytes() throws {
    let bytes = latin1(
        "<html><head><meta charset=\"shift_jis\"></head><body><p>\u{81}\u{FF}\u{FE}\u{82} x</p></body></html>")
    let document = try HTMLFormat().parse(bytes)
    #expect(document.warnings.contains { $0.contains("not valid in") })
}

@Test("a charset libxml2 does not know gives a warning naming it")
func unknownCharset() throws {
    let document = try parse("<html><head><meta charset=\"no-such-charset\"></head><body><p>text</p></body></html>")
    #expect(document.sections.map(\.text) == ["text"])
    #expect(document.warnings.contains { $0.contains("no-such-charset") })
}
