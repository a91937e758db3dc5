import SemfindCore

/// Block quotes: their lines without the `>` markers are scanned like a document of their own,
/// so headings, code, lists and nested quotes inside a quote are what they are outside one.
extension BlockScanner {
    /// Quotes nested deeper than this are read as one quote (all their markers dropped), so a
    /// line of a million `>` costs one pass, not a million.
    static let deepestQuote = 8

    /// The quote's lines (and lazy continuation lines of its paragraphs) up to the first line
    /// that is neither; its blocks keep the line indices of this scanner.
    mutating func scanBlockQuote() {
        let first = index
        let flattens = quoteDepth >= Self.deepestQuote
        var inner: [MarkdownLine] = []
        while index < lines.count {
            let line = lines[index]
            if line.isBlockQuote {
                inner.append(line.unquoted(allMarkers: flattens))
            } else if let previous = inner.last, continuesLazily(line, after: previous, at: index) {
                inner.append(line)
            } else {
                break
            }
            index += 1
        }
        var nested = BlockScanner(lines: inner, startingAt: 0)
        nested.quoteDepth = quoteDepth + 1
        for block in nested.scan() {
            switch block {
            case .heading(let level, let text, let range):
                blocks.append(.heading(level: level, text: text, lines: shifted(range, by: first)))
            case .content(let kind, let text, let range):
                blocks.append(.content(kind: kind, text: text, lines: shifted(range, by: first)))
            }
        }
    }

    /// A line without `>` continues a quote's paragraph when the quote's last line was paragraph
    /// text and the line opens no block of its own.
    private func continuesLazily(_ line: MarkdownLine, after previous: MarkdownLine, at position: Int) -> Bool {
        guard !line.isBlank, !previous.isBlank, previous.indent < 4, CodeFence(opening: previous) == nil,
            previous.atxHeading == nil, !previous.isThematicBreak
        else { return false }
        return line.listMarker == nil && !interruptsParagraph(line, at: position)
    }

    private func shifted(_ range: ClosedRange<Int>, by offset: Int) -> ClosedRange<Int> {
        (range.lowerBound + offset)...(range.upperBound + offset)
    }
}

extension MarkdownLine {
    /// The line without its block quote marker (`>` and one space after it), or without every
    /// marker it starts with; same number and bytes.
    func unquoted(allMarkers: Bool) -> MarkdownLine {
        var start = contentStart + 1
        if start < bytes.count, ASCII.isSpaceOrTab(bytes[start]) { start += 1 }
        while allMarkers, let next = bytes[start...].firstIndex(where: { !ASCII.isSpaceOrTab($0) }),
            bytes[next] == ASCII.greaterThan
        {
            start = next + 1
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        return MarkdownLine(DecodedText.Line(number: source.number, text: text, bytes: source.bytes))
    }
}
