import SemfindCore

/// One line of a Markdown file as UTF-8 bytes, with its indentation worked out once; the block
/// scanner asks it what block, if any, the line opens (see `MarkdownLine+Markers.swift`).
struct MarkdownLine {
    /// The decoded line: its text, number and byte range in the original file.
    let source: DecodedText.Line
    /// The line's text as UTF-8.
    let bytes: [UInt8]
    /// Columns of leading whitespace, a tab advancing to the next multiple of 4.
    let indent: Int
    /// Offset of the first byte that is not a space or a tab (`bytes.count` for a blank line).
    let contentStart: Int

    init(_ source: DecodedText.Line) {
        self.source = source
        bytes = Array(source.text.utf8)
        var column = 0
        var offset = 0
        while offset < bytes.count, ASCII.isSpaceOrTab(bytes[offset]) {
            column = bytes[offset] == ASCII.tab ? column + 4 - column % 4 : column + 1
            offset += 1
        }
        indent = column
        contentStart = offset
    }

    /// Empty or only spaces and tabs.
    var isBlank: Bool { contentStart == bytes.count }

    /// The line from its first non-blank byte, trailing spaces and tabs cut.
    var trimmedContent: ArraySlice<UInt8> {
        var end = bytes.count
        while end > contentStart, ASCII.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
        return bytes[contentStart..<end]
    }

    /// How many times `byte` repeats from `offset` on.
    func runLength(of byte: UInt8, from offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] == byte { end += 1 }
        return end - offset
    }

    /// Whether everything from `offset` on is spaces and tabs.
    func isBlank(from offset: Int) -> Bool {
        var index = offset
        while index < bytes.count {
            guard ASCII.isSpaceOrTab(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    /// The line's text with up to `columns` columns of indentation removed, as code blocks show it.
    func droppingIndent(columns: Int) -> String {
        guard columns > 0, indent > 0 else { return source.text }
        var column = 0
        var offset = 0
        while offset < contentStart, column < columns {
            column = bytes[offset] == ASCII.tab ? column + 4 - column % 4 : column + 1
            offset += 1
        }
        // A tab that reached past `columns` leaves its remaining columns as spaces.
        let kept = [UInt8](repeating: ASCII.space, count: max(0, column - columns))
        return String(decoding: kept + bytes[offset...], as: UTF8.self)
    }
}
