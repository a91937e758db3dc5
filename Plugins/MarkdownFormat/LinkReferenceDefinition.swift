/// `[label]: destination "title"`: markup that gives links elsewhere their target, not text. The
/// label, the destination and the title may each start on a new line, and the label and title
/// may span lines (CommonMark), but none crosses a blank line.
enum LinkReferenceDefinition {
    /// How many lines the definitions starting at `start` take, or nil when no definition starts
    /// there. Footnotes (`[^1]: …`) are text, not definitions.
    static func lineCount(in lines: [MarkdownLine], from start: Int) -> Int? {
        var position = start
        while position < lines.count, let end = definitionEnd(in: lines, from: position) { position = end }
        return position > start ? position - start : nil
    }

    /// The index of the line after the one definition starting at line `start`, if one does.
    private static func definitionEnd(in lines: [MarkdownLine], from start: Int) -> Int? {
        let line = lines[start]
        guard line.indent <= 3, line.contentStart < line.bytes.count,
            line.bytes[line.contentStart] == ASCII.leftBracket,
            line.contentStart + 1 == line.bytes.count || line.bytes[line.contentStart + 1] != ASCII.caret
        else { return nil }
        var cursor = Cursor(lines: lines, line: start, offset: line.contentStart + 1)
        guard cursor.skipLabel(), cursor.take(ASCII.colon) else { return nil }
        cursor.skipSpace(crossingLine: true)
        guard cursor.skipDestination() else { return nil }
        let afterDestination = cursor
        let hadSpace = cursor.skipSpace(crossingLine: true)
        if hadSpace, cursor.skipTitle(), cursor.restOfLineIsBlank() {
            return cursor.line + 1
        }
        return afterDestination.restOfLineIsBlank() ? afterDestination.line + 1 : nil
    }

    /// A position in the lines, moving forward, never onto a blank line.
    private struct Cursor {
        let lines: [MarkdownLine]
        var line: Int
        var offset: Int

        var bytes: [UInt8] { lines[line].bytes }
        var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        /// Moves to the start of the next line, unless it is blank or past the end.
        mutating func nextLine() -> Bool {
            guard line + 1 < lines.count, !lines[line + 1].isBlank else { return false }
            line += 1
            offset = 0
            return true
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            offset += 1
            return true
        }

        /// Skips spaces and tabs, and at most one line end when `crossingLine`; whether it moved.
        @discardableResult
        mutating func skipSpace(crossingLine: Bool) -> Bool {
            let start = (line, offset)
            while let byte = current, ASCII.isSpaceOrTab(byte) { offset += 1 }
            if crossingLine, current == nil, nextLine() {
                while let byte = current, ASCII.isSpaceOrTab(byte) { offset += 1 }
            }
            return (line, offset) != start
        }

        func restOfLineIsBlank() -> Bool { lines[line].isBlank(from: offset) }

        /// The label after `[`, up to `]`: not empty, no unescaped `[`, at most 999 characters.
        mutating func skipLabel() -> Bool {
            var length = 0
            var hasText = false
            while length <= 999 {
                guard let byte = current else {
                    guard nextLine() else { return false }
                    length += 1
                    continue
                }
                if byte == ASCII.rightBracket {
                    offset += 1
                    return hasText
                }
                if byte == ASCII.leftBracket { return false }
                hasText = hasText || !ASCII.isSpaceOrTab(byte)
                let step = byte == ASCII.backslash && offset + 1 < bytes.count ? 2 : 1
                offset += step
                length += step
            }
            return false
        }

        /// `<…>` on one line, or a run of non-space bytes with balanced parentheses.
        mutating func skipDestination() -> Bool {
            if take(ASCII.lessThan) {
                while let byte = current, byte != ASCII.greaterThan, byte != ASCII.lessThan {
                    offset += byte == ASCII.backslash && offset + 1 < bytes.count ? 2 : 1
                }
                return take(ASCII.greaterThan)
            }
            let start = offset
            var depth = 0
            while let byte = current, !ASCII.isWhitespace(byte), byte >= 0x20 {
                if byte == ASCII.leftParen { depth += 1 }
                if byte == ASCII.rightParen {
                    guard depth > 0 else { break }
                    depth -= 1
                }
                offset += byte == ASCII.backslash && offset + 1 < bytes.count ? 2 : 1
            }
            return offset > start && depth == 0
        }

        /// `"…"`, `'…'` or `(…)`, possibly over several lines.
        mutating func skipTitle() -> Bool {
            guard let open = current, open == ASCII.quote || open == 0x27 || open == ASCII.leftParen else {
                return false
            }
            let close = open == ASCII.leftParen ? ASCII.rightParen : open
            offset += 1
            while true {
                guard let byte = current else {
                    guard nextLine() else { return false }
                    continue
                }
                if byte == close {
                    offset += 1
                    return true
                }
                if open == ASCII.leftParen && byte == ASCII.leftParen { return false }
                offset += byte == ASCII.backslash && offset + 1 < bytes.count ? 2 : 1
            }
        }
    }
}
