/// Whether the text between `<` and `>` is an HTML tag by CommonMark's grammar (raw HTML, which a
/// reader does not see) rather than text that happens to sit in angle brackets (`<a h*#ref>`,
/// `</a href="x">`, `< a>`), which a reader does see.
enum HTMLTag {
    /// An opening tag (a name, attributes each after white space, an optional `/`), a closing tag
    /// (`/name` and white space), or a declaration, processing instruction or comment (`!…`, `?…`).
    static func isTag(_ inner: ArraySlice<UInt8>) -> Bool {
        guard let first = inner.first else { return false }
        if first == ASCII.exclamation || first == ASCII.question { return true }
        var index = inner.startIndex
        let isClosing = first == ASCII.slash
        if isClosing { index += 1 }
        guard index < inner.endIndex, ASCII.isLetter(inner[index]) else { return false }
        while index < inner.endIndex,
            ASCII.isLetter(inner[index]) || ASCII.isDigit(inner[index]) || inner[index] == ASCII.dash
        {
            index += 1
        }
        if isClosing { return inner[index...].allSatisfy(ASCII.isWhitespace) }
        while true {
            let spaceStart = index
            while index < inner.endIndex, ASCII.isWhitespace(inner[index]) { index += 1 }
            if index == inner.endIndex { return true }
            if inner[index] == ASCII.slash { return index + 1 == inner.endIndex }
            guard index > spaceStart, let afterAttribute = attributeEnd(inner, from: index) else { return false }
            index = afterAttribute
        }
    }

    /// The end of the attribute (`name`, `name=value`, `name = "value"`) at `start`, if one is there.
    private static func attributeEnd(_ inner: ArraySlice<UInt8>, from start: Int) -> Int? {
        let isNameStart = { (byte: UInt8) in ASCII.isLetter(byte) || byte == ASCII.underscore || byte == ASCII.colon }
        guard isNameStart(inner[start]) else { return nil }
        var index = start + 1
        while index < inner.endIndex,
            isNameStart(inner[index]) || ASCII.isDigit(inner[index]) || inner[index] == ASCII.period
                || inner[index] == ASCII.dash
        {
            index += 1
        }
        var afterSpace = index
        while afterSpace < inner.endIndex, ASCII.isWhitespace(inner[afterSpace]) { afterSpace += 1 }
        guard afterSpace < inner.endIndex, inner[afterSpace] == ASCII.equals else { return index }
        var value = afterSpace + 1
        while value < inner.endIndex, ASCII.isWhitespace(inner[value]) { value += 1 }
        guard value < inner.endIndex else { return nil }
        let quote = inner[value]
        if quote == ASCII.quote || quote == 0x27 {
            guard let close = inner[(value + 1)...].firstIndex(of: quote) else { return nil }
            return close + 1
        }
        let end = inner[value...].firstIndex { ASCII.isWhitespace($0) || Self.endsUnquotedValue($0) } ?? inner.endIndex
        guard end > value, end == inner.endIndex || ASCII.isWhitespace(inner[end]) || inner[end] == ASCII.slash else {
            return nil
        }
        return end
    }

    /// Bytes an unquoted attribute value may not hold.
    private static func endsUnquotedValue(_ byte: UInt8) -> Bool {
        byte == ASCII.quote || byte == 0x27 || byte == ASCII.equals || byte == ASCII.lessThan
            || byte == ASCII.greaterThan || byte == ASCII.backtick
    }
}
