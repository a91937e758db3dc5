/// Angle brackets (HTML tags, autolinks) and character entities.
extension InlineStripper {
    /// Handles a `<`: an autolink keeps its address, an HTML tag, comment, processing instruction,
    /// declaration or CDATA section is dropped, anything else (`a < b`) stays. The search for `>`
    /// stops at the next `<`, so no byte is scanned by more than two searches; a comment's `-->`
    /// (or `?>`, `]]>`) is looked for past it, but once one is missing none is looked for again.
    mutating func angleBrackets(at start: Int, into output: inout [UInt8]) -> Int {
        for (opener, terminator) in Self.hiddenSpans where bytes[start...].starts(with: opener) {
            guard !missingTerminators.contains(terminator) else { break }
            if let end = find(terminator, from: start + 2) { return end }
            missingTerminators.insert(terminator)
            break
        }
        var end = start + 1
        var hasWhitespace = false
        while end < bytes.count, bytes[end] != ASCII.greaterThan, bytes[end] != ASCII.lessThan {
            hasWhitespace = hasWhitespace || ASCII.isWhitespace(bytes[end])
            end += 1
        }
        guard end < bytes.count, bytes[end] == ASCII.greaterThan, end > start + 1 else {
            output.append(ASCII.lessThan)
            return start + 1
        }
        let inner = bytes[(start + 1)..<end]
        if !hasWhitespace, Self.isAutolink(inner) {
            output.append(contentsOf: inner)
            return end + 1
        }
        if HTMLTag.isTag(inner) { return end + 1 }
        output.append(ASCII.lessThan)
        return start + 1
    }

    /// Markup a reader never sees, by its opener and terminator (`<!-->` is a whole comment).
    private static let hiddenSpans: [(opener: [UInt8], terminator: [UInt8])] = [
        (Array("<!--".utf8), Array("-->".utf8)), (Array("<?".utf8), Array("?>".utf8)),
        (Array("<![CDATA[".utf8), Array("]]>".utf8)),
    ]

    /// The offset just past the first `needle` at or after `start`.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index + needle.count
            }
            index += 1
        }
        return nil
    }

    /// `scheme:rest` (a scheme of 2 to 32 letters, digits, `+`, `.`, `-`, starting with a letter)
    /// or an email address.
    private static func isAutolink(_ inner: ArraySlice<UInt8>) -> Bool {
        if inner.contains(ASCII.at), !inner.contains(ASCII.colon) { return true }
        guard let colon = inner.firstIndex(of: ASCII.colon), let first = inner.first, ASCII.isLetter(first) else {
            return false
        }
        let scheme = inner[inner.startIndex..<colon]
        return (2...32).contains(scheme.count)
            && scheme.allSatisfy {
                ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == ASCII.plus || $0 == ASCII.period || $0 == ASCII.dash
            }
    }

    /// Resolves named references (`HTMLEntities`) and numeric ones (a code point that is not a
    /// character, such as `&#0;`, becomes U+FFFD, as in HTML); any other `&` stays as written.
    func entity(at start: Int, into output: inout [UInt8]) -> Int {
        var end = start + 1
        while end < bytes.count, end - start <= 32,
            ASCII.isLetter(bytes[end]) || ASCII.isDigit(bytes[end]) || bytes[end] == ASCII.hash
        {
            end += 1
        }
        guard end < bytes.count, bytes[end] == ASCII.semicolon,
            let scalar = Self.character(named: bytes[(start + 1)..<end])
        else {
            output.append(ASCII.ampersand)
            return start + 1
        }
        output.append(contentsOf: Array(scalar.utf8))
        return end + 1
    }

    private static func character(named name: ArraySlice<UInt8>) -> String? {
        guard name.first == ASCII.hash else {
            return HTMLEntities.character(named: String(decoding: name, as: UTF8.self))
        }
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if let marker = digits.first, marker == 0x78 || marker == 0x58 {
            radix = 16
            digits = digits.dropFirst()
        }
        guard (1...7).contains(digits.count) else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            guard let digitValue = hexValue(digit), digitValue < radix else { return nil }
            value = value * radix + digitValue
        }
        return String(Character(value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"))
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}
