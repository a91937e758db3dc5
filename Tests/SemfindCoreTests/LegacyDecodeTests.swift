import SemfindCore
import Testing

/// A file in a legacy charset is decoded once: the decode that checked its bytes against the
/// declared charset is cut into its lines and is its whole text.
@Suite("Legacy charsets, decoded once")
struct LegacyDecodeTests {
    /// 日本語 in Shift_JIS, then its lines ended by CR LF, a lone CR and LF.
    static let shiftJIS: [UInt8] =
        [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA] + Array("\r\nsecond\rthird\n\nlast".utf8)

    @Test("the lines and their byte ranges are those of a line-by-line decode")
    func lines() {
        let decoded = DecodedText(Self.shiftJIS, declared: "Shift_JIS")
        #expect(decoded.charset.encoding == .legacy("shift_jis"))
        #expect(decoded.lines.map(\.text) == ["日本語", "second", "third", "", "last"])
        #expect(decoded.lines.map(\.bytes) == [0..<6, 8..<14, 15..<20, 21..<21, 22..<26])
        #expect(decoded.lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(decoded.warning == nil)
    }

    @Test("the whole text is the checking decode, line ends as written")
    func wholeText() {
        let decoded = DecodedText(Self.shiftJIS, declared: "Shift_JIS")
        #expect(decoded.wholeText(of: Self.shiftJIS) == "日本語\r\nsecond\rthird\n\nlast")
    }

    @Test("a final line end adds no empty line; empty bytes are one empty line")
    func ends() {
        #expect(DecodedText([0x93, 0xFA, 0x0A], declared: "Shift_JIS").lines.map(\.text) == ["日"])
        #expect(DecodedText([], declared: "Shift_JIS").lines.map(\.text) == [""])
    }

    @Test("bytes not valid in the declared charset are not a legacy decode")
    func invalid() {
        let decoded = DecodedText([0x93, 0x0A, 0x41], declared: "Shift_JIS")
        #expect(decoded.charset.encoding == .windows1252)
        #expect(decoded.warning != nil)
    }
}
