/// A look at a file's first bytes that spares libmagic its work where its answer could not
/// matter: bytes that are plainly text — UTF-8 (ASCII included) without control characters
/// other than tab, line feed, form feed and carriage return — are text to libmagic too, and for a
/// file whose extension a plugin claims, the name alone picks the plugin (`FormatRegistry`).
/// libmagic still types everything else: binary-looking bytes, other charsets, and files whose
/// name says nothing.
enum PlainText {
    /// `text/plain` in "us-ascii" or "utf-8" when `sample` is plainly text, else nil. A
    /// multi-byte character cut off at the end of the sample is allowed when `isTruncated` (the
    /// file goes on).
    static func type(of sample: [UInt8], isTruncated: Bool) -> FileType? {
        var ascii = true
        var index = 0
        let count = sample.count
        while index < count {
            let byte = sample[index]
            if byte < 0x80 {
                guard byte >= 0x20 ? byte != 0x7F : allowedControls.contains(byte) else { return nil }
                index += 1
                continue
            }
            ascii = false
            guard let length = sequenceLength(sample, at: index) else { return nil }
            if length == 0 { return isTruncated ? FileType(mimeType: "text/plain", charset: "utf-8") : nil }
            index += length
        }
        return FileType(mimeType: "text/plain", charset: ascii ? "us-ascii" : "utf-8")
    }

    /// Tab, line feed, form feed, carriage return.
    private static let allowedControls: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]

    /// The length of the well-formed UTF-8 sequence for a character from U+00A0 up at `start`,
    /// 0 when the bytes end inside one, or nil when it is malformed (overlong, a surrogate, past
    /// U+10FFFF, a stray continuation byte) or a C1 control character (U+0080 to U+009F).
    private static func sequenceLength(_ bytes: [UInt8], at start: Int) -> Int? {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2: (length, secondRange) = (2, 0xA0...0xBF)
        case 0xC3...0xDF: length = 2
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        default: return nil
        }
        for offset in 1..<length {
            guard start + offset < bytes.count else { return 0 }
            let range = offset == 1 ? secondRange : 0x80...0xBF
            guard range.contains(bytes[start + offset]) else { return nil }
        }
        return length
    }
}
