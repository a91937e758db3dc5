import HTMLFormat
import SemfindCore
import Testing

/// A page is decoded once: the indexer decodes it in the charset it declares, and the plugin
/// reads that decode instead of decoding the bytes again, with the same result.
@Suite struct HTMLOneDecodeTests {
    private static func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

    /// Pages in each way the bytes can come: declared or not, line ends of every kind, UTF-16,
    /// bytes that do not fit their declaration, a legacy charset.
    static let pages: [[UInt8]] = [
        Array("<html><body><h1>Title</h1>\n<p>café\r\ncrème</p>\r<p>lone return</p>\n</body></html>\n".utf8),
        latin1("<meta charset=\"iso-8859-1\">\r\n<p>caf\u{E9}\r\ncr\u{E8}me</p>"),
        latin1("<meta charset=\"utf-8\"><p>not \u{E9} utf-8</p>\n<p>second</p>"),
        [0xEF, 0xBB, 0xBF] + Array("<p>bom</p>\n<p>two</p>".utf8),
        [0xFF, 0xFE] + Array("<p>wide</p>\r\n<p>lines</p>\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        latin1("<meta charset=\"Shift_JIS\"><p>") + [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA] + latin1("</p>\n<p>x</p>"),
    ]

    @Test(arguments: pages)
    func theIndexersDecodeParsesAsTheBytesDo(bytes: [UInt8]) throws {
        let plugin = HTMLFormat()
        let decoded = DecodedText(bytes, declared: plugin.declaredCharset(in: bytes))
        #expect(try plugin.parse(bytes, decoded: decoded) == plugin.parse(bytes))
    }

    @Test func theDeclaredCharsetIsWhatThePageNames() {
        #expect(HTMLFormat().declaredCharset(in: Self.latin1("<meta charset=\"iso-8859-1\"><p>x</p>")) == "iso-8859-1")
        #expect(HTMLFormat().declaredCharset(in: Array("<p>none</p>".utf8)) == nil)
    }

    /// Handed a decode of other text, the plugin shows that text: it did not decode the bytes,
    /// in a legacy charset either.
    @Test func theGivenDecodeIsReadNotTheBytes() throws {
        let bytes = Array("<p>pear</p>".utf8)
        let other = DecodedText(Array("<p>kiwi</p>".utf8))
        #expect(try HTMLFormat().parse(bytes, decoded: other).sections.map(\.text) == ["kiwi"])
        let legacy = Self.latin1("<meta charset=\"Shift_JIS\"><p>") + [0x93, 0xFA] + Self.latin1("</p>")
        let legacyOther = DecodedText(Self.latin1("<p>fig</p>"), declared: "Shift_JIS")
        #expect(try HTMLFormat().parse(legacy, decoded: legacyOther).sections.map(\.text) == ["fig"])
    }
}
