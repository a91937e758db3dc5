/// The charset a page declares, found in its bytes before parsing: the first `<meta>` whose
/// `charset` attribute or `http-equiv` content ("text/html; charset=…") names one, else an XML
/// declaration's `encoding`. What to make of it (a byte order mark wins, a declaration the bytes
/// do not fit loses) is `CharsetChoice`'s, in SemfindCore.
enum DeclaredCharset {
    /// The declared label as written, or nil.
    static func label(in bytes: [UInt8]) -> String? {
        metaCharset(bytes) ?? xmlDeclarationEncoding(bytes)
    }

    /// The value after "charset=" in the first `<meta …>` tag that has one.
    private static func metaCharset(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var next = 0
            while let open = ByteScan.index(of: UInt8(ascii: "<"), in: buffer, from: next) {
                next = open + 1
                let after = open + 5
                guard after < buffer.count else { return nil }
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
                    var index = bytes[from..<end].firstIndex { !$0.isASCIIWhitespace } ?? end
                    guard index < end && bytes[index] == UInt8(ascii: "=") else { continue }
                    index += 1
                    while index < end, bytes[index].isASCIIWhitespace || isQuote(bytes[index]) { index += 1 }
                    let valueEnd =
                        bytes[index..<end].firstIndex {
                            $0.isASCIIWhitespace || isQuote($0) || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "/")
                        } ?? end
                    if valueEnd > index { return String(decoding: bytes[index..<valueEnd], as: UTF8.self) }
                }
            }
            return nil
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
        guard index < close, isQuote(bytes[index]) else { return nil }
        let quote = bytes[index]
        let valueStart = index + 1
        guard let valueEnd = bytes[valueStart..<close].firstIndex(of: quote), valueEnd > valueStart else {
            return nil
        }
        return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
    }

    private static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
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
