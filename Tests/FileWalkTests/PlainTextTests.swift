import Testing

@testable import FileWalk

@Suite("Plain text typed without libmagic")
struct PlainTextTests {
    func type(_ bytes: [UInt8], truncated: Bool = false) -> FileType? {
        PlainText.type(of: bytes, isTruncated: truncated)
    }

    @Test("ASCII and UTF-8 text with tabs, line breaks and form feeds are text/plain in their charset")
    func plain() {
        #expect(type(Array("a\tb\r\nc\u{0C}d ~".utf8)) == FileType(mimeType: "text/plain", charset: "us-ascii"))
        #expect(type(Array("café — naïve ✓ 𝄞 \u{A0}".utf8)) == FileType(mimeType: "text/plain", charset: "utf-8"))
        #expect(type([]) == FileType(mimeType: "text/plain", charset: "us-ascii"))
    }

    /// NUL, SOH, an escape sequence, DEL; windows-1252 quotes; overlong, surrogate, past
    /// U+10FFFF, not a lead byte; a stray continuation byte; a lead byte at the very end; U+0085
    /// (a C1 control character); UTF-16 with its byte order mark.
    static let notPlainSamples: [[UInt8]] = [
        [0x61, 0x00, 0x62], [0x01], [0x1B, 0x5B, 0x6D], [0x7F],
        [0x93, 0x61, 0x94],
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5],
        [0x80], [0x61, 0xC3],
        [0xC2, 0x85],
        [0xFF, 0xFE, 0x61, 0x00],
    ]

    @Test("control characters, malformed UTF-8 and other charsets are left to libmagic", arguments: notPlainSamples)
    func notPlain(bytes: [UInt8]) {
        #expect(type(bytes) == nil)
    }

    @Test("a character cut off at the end of the sample is text only when the file goes on")
    func cutCharacter() {
        let cut = Array("ab".utf8) + [0xE2, 0x80]  // the first two bytes of "—"
        #expect(type(cut) == nil)
        #expect(type(cut, truncated: true) == FileType(mimeType: "text/plain", charset: "utf-8"))
        #expect(type(Array("ab".utf8) + [0xE2, 0x41], truncated: true) == nil, "malformed before the end")
    }
}
