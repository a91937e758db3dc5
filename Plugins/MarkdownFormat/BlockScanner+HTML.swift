/// HTML blocks that run to a terminator: hidden ones leave no text, `<h1>`–`<h6>` are headings.
extension BlockScanner {
    /// The block from the opening line to the line that holds its terminator (a heading's must
    /// come before a blank line, or the lines are an ordinary paragraph).
    mutating func scanHTMLBlock(_ block: HTMLBlock) {
        let first = index
        var position = first
        var terminatorEnd: Int?
        while position < lines.count {
            if position > first && block.endsAtBlankLine && lines[position].isBlank { break }
            let from = position == first ? lines[first].contentStart + 2 : 0
            if let end = block.end(in: lines[position].bytes, from: from) {
                terminatorEnd = end
                break
            }
            position += 1
        }
        if case .heading(let level) = block.kind {
            guard let terminatorEnd else { return scanParagraph() }
            index = position + 1
            let text = headingText(first...position, terminatorEnd: terminatorEnd, terminator: block.terminator)
            blocks.append(.heading(level: level, text: text, lines: first...position))
            return
        }
        let last = min(position, lines.count - 1)
        index = last + 1
        let text: String
        switch block.kind {
        case .visibleElement:
            text = InlineStripper.strip(joined(first...last))
        default:
            // What follows the terminator on its line is shown; the rest is not.
            text = terminatorEnd.map { InlineStripper.strip(lines[last].bytes[$0...]) } ?? ""
        }
        blocks.append(.content(kind: .prose, text: text, lines: first...last))
    }

    /// The text between `<hN …>` and `</hN>`, inline markup and tags stripped.
    private func headingText(_ range: ClosedRange<Int>, terminatorEnd: Int, terminator: [UInt8]) -> String {
        var bytes = joined(range)
        let lastLineStart = bytes.count - lines[range.upperBound].bytes.count
        bytes.removeSubrange((lastLineStart + terminatorEnd - terminator.count)...)
        guard let open = bytes.firstIndex(of: ASCII.greaterThan) else { return "" }
        return InlineStripper.strip(bytes[(open + 1)...])
    }

    /// The lines' bytes joined by newlines.
    func joined(_ range: ClosedRange<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        for position in range {
            if position > range.lowerBound { bytes.append(ASCII.newline) }
            bytes += lines[position].bytes
        }
        return bytes
    }
}
