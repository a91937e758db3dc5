/// Splits GFM table rows into cells and recognizes the delimiter row (`| --- | :-: |`) that makes
/// the line above it a table header.
enum TableRow {
    /// The row's cells, trimmed, without the optional leading and trailing pipes. An escaped pipe
    /// (`\|`) stays inside its cell, for the inline stripper to unescape.
    static func cells(of line: MarkdownLine) -> [ArraySlice<UInt8>] {
        let bytes = line.bytes
        var start = line.contentStart
        var end = bytes.count
        while end > start, ASCII.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
        if start < end, bytes[start] == ASCII.pipe { start += 1 }
        var cells: [ArraySlice<UInt8>] = []
        var cellStart = start
        var offset = start
        while offset < end {
            if bytes[offset] == ASCII.backslash {
                offset += 2
                continue
            }
            if bytes[offset] == ASCII.pipe {
                cells.append(trimmed(bytes[cellStart..<offset]))
                cellStart = offset + 1
            }
            offset += 1
        }
        if cellStart < end || cells.isEmpty { cells.append(trimmed(bytes[cellStart..<end])) }
        return cells
    }

    /// The number of columns if `line` is a delimiter row: cells of `-` with optional `:` at
    /// either end, and at least one pipe (so that a setext `---` is never taken for one).
    static func delimiterColumns(_ line: MarkdownLine) -> Int? {
        guard line.indent <= 3, line.contentStart < line.bytes.count else { return nil }
        let first = line.bytes[line.contentStart]
        guard first == ASCII.pipe || first == ASCII.dash || first == ASCII.colon, line.hasPipe else { return nil }
        let cells = cells(of: line)
        for cell in cells {
            var body = cell
            if body.first == ASCII.colon { body = body.dropFirst() }
            if body.last == ASCII.colon { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == ASCII.dash }) else { return nil }
        }
        return cells.count
    }

    private static func trimmed(_ cell: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = cell.startIndex
        var end = cell.endIndex
        while start < end, ASCII.isSpaceOrTab(cell[start]) { start += 1 }
        while end > start, ASCII.isSpaceOrTab(cell[end - 1]) { end -= 1 }
        return cell[start..<end]
    }
}
