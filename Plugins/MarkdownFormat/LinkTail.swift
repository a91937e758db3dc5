/// What may stand between the parentheses of an inline link, `[text](destination "title")`:
/// when it is anything else (`[link](/my uri)`, `[a](b "t" c)`), the brackets are text.
enum LinkTail {
    /// Contents longer than this are taken for a link unchecked, so that checking the links of a
    /// line costs a bounded amount per link.
    static let longestChecked = 512

    /// Whether `tail` (between `(` and `)`) is white space, a destination, and an optional title
    /// after white space.
    static func isValid(_ tail: ArraySlice<UInt8>) -> Bool {
        guard tail.count <= longestChecked else { return true }
        var index = skipSpace(tail, from: tail.startIndex)
        guard index < tail.endIndex else { return true }
        if tail[index] == ASCII.lessThan {
            guard let close = pointyEnd(tail, from: index + 1) else { return false }
            index = close + 1
        } else {
            while index < tail.endIndex, !ASCII.isWhitespace(tail[index]), tail[index] >= 0x20 {
                index += tail[index] == ASCII.backslash ? 2 : 1
            }
        }
        let afterDestination = min(index, tail.endIndex)
        index = skipSpace(tail, from: afterDestination)
        guard index < tail.endIndex else { return true }
        guard index > afterDestination else { return false }
        return isTitle(tail[index...])
    }

    /// The `>` closing a `<…>` destination: on the same line, with no unescaped `<` before it.
    private static func pointyEnd(_ tail: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < tail.endIndex {
            switch tail[index] {
            case ASCII.greaterThan: return index
            case ASCII.lessThan, ASCII.newline: return nil
            case ASCII.backslash: index += 2
            default: index += 1
            }
        }
        return nil
    }

    /// `"…"`, `'…'` or `(…)` with nothing but white space after it, its closing mark escaped
    /// wherever it occurs inside.
    private static func isTitle(_ title: ArraySlice<UInt8>) -> Bool {
        guard let open = title.first, open == ASCII.quote || open == 0x27 || open == ASCII.leftParen else {
            return false
        }
        let close = open == ASCII.leftParen ? ASCII.rightParen : open
        var index = title.startIndex + 1
        while index < title.endIndex {
            if title[index] == close { return skipSpace(title, from: index + 1) == title.endIndex }
            if open == ASCII.leftParen && title[index] == ASCII.leftParen { return false }
            index += title[index] == ASCII.backslash ? 2 : 1
        }
        return false
    }

    private static func skipSpace(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.endIndex, ASCII.isWhitespace(bytes[index]) { index += 1 }
        return index
    }
}
