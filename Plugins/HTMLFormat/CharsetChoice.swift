/// Which encoding to hand libxml2 for a file, decided before parsing.
///
/// libxml2's HTML parser honours a byte order mark, `<meta charset>` and `<meta http-equiv>`,
/// so a file that has one of those is passed with no encoding. It ignores an XML declaration's
/// `encoding`, so that one is passed explicitly. A file that declares nothing is read as UTF-8
/// when its bytes are valid UTF-8 (old libxml2 would read it as Latin-1), else as windows-1252,
/// what browsers do, with a warning.
struct CharsetChoice {
    /// The encoding name for libxml2, or nil to let it follow the document's declaration.
    let encoding: String?
    /// Set when the choice was a guess worth telling the user about.
    let warning: String?

    init(sniffing bytes: [UInt8]) {
        if Self.hasByteOrderMark(bytes) || Self.hasMetaCharset(bytes) {
            (encoding, warning) = (nil, nil)
        } else if let declared = Self.xmlDeclarationEncoding(bytes) {
            (encoding, warning) = (declared, nil)
        } else if ByteScan.isValidUTF8(bytes) {
            (encoding, warning) = ("UTF-8", nil)
        } else {
            (encoding, warning) = ("windows-1252", "no charset declared and not valid UTF-8: decoded as windows-1252")
        }
    }

    private static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// Whether some `<meta …>` tag has "charset=" in it: the `charset` attribute, or the
    /// `content` of an `http-equiv` declaration ("text/html; charset=…").
    private static func hasMetaCharset(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var next = 0
            while let open = ByteScan.index(of: UInt8(ascii: "<"), in: buffer, from: next) {
                next = open + 1
                let after = open + 5
                guard after < buffer.count else { return false }
                guard lowercased(buffer[open + 1]) == UInt8(ascii: "m"),
                    lowercased(buffer[open + 2]) == UInt8(ascii: "e"),
                    lowercased(buffer[open + 3]) == UInt8(ascii: "t"),
                    lowercased(buffer[open + 4]) == UInt8(ascii: "a"),
                    buffer[after].isASCIIWhitespace || buffer[after] == UInt8(ascii: "/")
                else { continue }
                let end = ByteScan.index(of: UInt8(ascii: ">"), in: buffer, from: after) ?? buffer.count
                var from = after
                while let key = find(Array("charset".utf8), in: bytes, from: from, to: end) {
                    from = key + 7
                    let value = bytes[from..<end].firstIndex { !$0.isASCIIWhitespace } ?? end
                    if value < end && bytes[value] == UInt8(ascii: "=") {
                        return true
                    }
                }
            }
            return false
        }
    }

    /// The `encoding` of an XML declaration that opens the file, if any.
    private static func xmlDeclarationEncoding(_ bytes: [UInt8]) -> String? {
        let start = bytes.firstIndex { !$0.isASCIIWhitespace } ?? bytes.count
        guard find(Array("<?xml".utf8), in: bytes, from: start, to: min(bytes.count, start + 5)) == start,
            let close = find(Array("?>".utf8), in: bytes, from: start, to: min(bytes.count, start + 200)),
            let key = find(Array("encoding".utf8), in: bytes, from: start, to: close)
        else { return nil }
        var index = key + "encoding".utf8.count
        while index < close, bytes[index].isASCIIWhitespace || bytes[index] == UInt8(ascii: "=") {
            index += 1
        }
        guard index < close, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = bytes[index]
        let valueStart = index + 1
        guard let valueEnd = bytes[valueStart..<close].firstIndex(of: quote), valueEnd > valueStart else {
            return nil
        }
        return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
    }

    /// The first offset in `from..<to` where `needle` starts, matching ASCII letters in any case.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard let first = needle.first, end - start >= needle.count else { return nil }
        var index = start
        while index <= end - needle.count {
            if lowercased(bytes[index]) == first {
                var matched = 1
                while matched < needle.count, lowercased(bytes[index + matched]) == needle[matched] {
                    matched += 1
                }
                if matched == needle.count {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
