import SemfindCore
import Testing

@Suite("Charset choice")
struct CharsetChoiceTests {
    @Test("windows-1252's bytes 0x80–0x9F are its typographic characters; the five undefined ones are C1 controls")
    func windows1252Table() {
        let high = (0x80...0x9F).map(UInt8.init)
        let text = CharsetChoice(high).decode(high)
        let expected = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
        #expect(text == expected)
        #expect(text.unicodeScalars.count == 32)
        let latin = (0xA0...0xFF).map(UInt8.init)
        #expect(CharsetChoice(latin).decode(latin).unicodeScalars.map(\.value) == (0xA0...0xFF).map(UInt32.init))
    }

    @Test("the order: byte order mark, then a declaration the bytes fit, then UTF-8, then windows-1252")
    func order() {
        let utf8 = Array("café".utf8)
        let legacy: [UInt8] = [0x63, 0x61, 0x66, 0xE9]
        let bom = CharsetChoice([0xEF, 0xBB, 0xBF] + utf8, declared: "windows-1252")
        #expect((bom.encoding, bom.reason, bom.textStart) == (.utf8, .byteOrderMark, 3))
        let declared = CharsetChoice(legacy, declared: "ISO-8859-1")
        #expect((declared.encoding, declared.reason, declared.warning) == (.windows1252, .declared, nil))
        let undeclared = CharsetChoice(utf8)
        #expect((undeclared.encoding, undeclared.reason, undeclared.warning) == (.utf8, .validUTF8, nil))
        let fallback = CharsetChoice(legacy)
        #expect((fallback.encoding, fallback.reason) == (.windows1252, .fallback))
        #expect(fallback.warning == "not valid UTF-8: decoded as windows-1252")
        #expect(fallback.decode(legacy) == "café")
        let misdeclared = CharsetChoice(legacy, declared: "utf-8")
        #expect(misdeclared.encoding == .windows1252)
        #expect(misdeclared.warning == "not valid utf-8 (as declared) nor UTF-8: decoded as windows-1252")
    }

    @Test("UTF-8 bytes under a single-byte declaration are read as UTF-8, with a warning; ASCII needs none")
    func utf8BeatsSingleByteDeclaration() {
        let choice = CharsetChoice(Array("“quote”".utf8), declared: "windows-1252")
        #expect(choice.encoding == .utf8)
        #expect(choice.warning == "declared windows-1252 but the bytes are UTF-8: read as UTF-8")
        #expect(CharsetChoice(Array("plain".utf8), declared: "windows-1252").warning == nil)
    }

    @Test("charset labels are read as browsers read them")
    func labels() {
        #expect(TextEncoding(label: "Latin1") == .windows1252)
        #expect(TextEncoding(label: "US-ASCII") == .windows1252)
        #expect(TextEncoding(label: " utf8 ") == .utf8)
        #expect(TextEncoding(label: "UTF-16") == .utf8)
        #expect(TextEncoding(label: "KOI8-R") == .legacy("koi8-r"))
        #expect(TextEncoding(label: "no-such-charset") == nil)
    }
}
