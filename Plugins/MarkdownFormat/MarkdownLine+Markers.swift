/// What block a line opens, by CommonMark's rules for a line's start (simplified where noted).
extension MarkdownLine {
    /// An ATX heading (`#` to `######`, then a space or the end): its level and its text without
    /// the optional closing run of `#`.
    var atxHeading: (level: Int, text: ArraySlice<UInt8>)? {
        guard indent <= 3 else { return nil }
        let level = runLength(of: ASCII.hash, from: contentStart)
        var start = contentStart + level
        guard (1...6).contains(level), start == bytes.count || ASCII.isSpaceOrTab(bytes[start]) else { return nil }
        var end = bytes.count
        while start < end, ASCII.isSpaceOrTab(bytes[start]) { start += 1 }
        while end > start, ASCII.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
        var closing = end
        while closing > start, bytes[closing - 1] == ASCII.hash { closing -= 1 }
        if closing == start {
            end = start
        } else if closing < end, ASCII.isSpaceOrTab(bytes[closing - 1]) {
            end = closing
            while end > start, ASCII.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
        }
        return (level, bytes[start..<end])
    }

    /// Three or more `-`, `*` or `_` (the same one), spaces allowed between them.
    var isThematicBreak: Bool {
        guard indent <= 3, contentStart < bytes.count else { return false }
        let marker = bytes[contentStart]
        guard marker == ASCII.dash || marker == ASCII.asterisk || marker == ASCII.underscore else { return false }
        var count = 0
        for byte in bytes[contentStart...] {
            if byte == marker {
                count += 1
            } else if !ASCII.isSpaceOrTab(byte) {
                return false
            }
        }
        return count >= 3
    }

    /// The level a setext underline gives the paragraph above it: 1 for `===`, 2 for `---`.
    var setextLevel: Int? {
        guard indent <= 3, contentStart < bytes.count else { return nil }
        let marker = bytes[contentStart]
        guard marker == ASCII.equals || marker == ASCII.dash else { return nil }
        guard isBlank(from: contentStart + runLength(of: marker, from: contentStart)) else { return nil }
        return marker == ASCII.equals ? 1 : 2
    }

    /// A bullet (`-`, `*`, `+`) or ordered (`1.`, `1)`) list item's marker, at any indentation.
    var listMarker: ListMarker? {
        guard contentStart < bytes.count else { return nil }
        var markerEnd = contentStart + 1
        var startsAtOne = true
        let first = bytes[contentStart]
        if first != ASCII.dash && first != ASCII.asterisk && first != ASCII.plus {
            var value = 0
            var offset = contentStart
            while offset < bytes.count, offset - contentStart < 9, ASCII.isDigit(bytes[offset]) {
                value = value * 10 + Int(bytes[offset] - 0x30)
                offset += 1
            }
            guard offset > contentStart, offset < bytes.count,
                bytes[offset] == ASCII.period || bytes[offset] == ASCII.rightParen
            else { return nil }
            markerEnd = offset + 1
            startsAtOne = value == 1
        }
        guard markerEnd == bytes.count || ASCII.isSpaceOrTab(bytes[markerEnd]) else { return nil }
        var textStart = markerEnd
        while textStart < bytes.count, ASCII.isSpaceOrTab(bytes[textStart]) { textStart += 1 }
        return ListMarker(markerEnd: markerEnd, textStart: textStart, startsAtOne: startsAtOne)
    }

    /// A line that starts with `>`.
    var isBlockQuote: Bool { indent <= 3 && contentStart < bytes.count && bytes[contentStart] == ASCII.greaterThan }

    /// Whether the line holds a `|` anywhere.
    var hasPipe: Bool { bytes.contains(ASCII.pipe) }
}
