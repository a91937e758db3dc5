import SemfindCore

/// Turns packed units back into a chunk: the text of each section's units as written (units
/// of different sections separated by a blank line), the group's heading path, and the span;
/// and the pieces of its embedding text, `headingPieces` then its units' (word pieces add up
/// over text cut between words, which is where units meet), when every unit kept its pieces.
enum ChunkAssembler {
    static func chunk(
        _ units: [ChunkUnit], group: [SectionText], lines: [DecodedText.Line], headingPieces: [Int32]?
    ) -> Chunk {
        var parts: [String] = []
        var span: SourceSpan?
        var index = 0
        while index < units.count {
            let section = group[units[index].section]
            var last = index
            while last + 1 < units.count && units[last + 1].section == units[index].section { last += 1 }
            let bytes = units[index].bytes.lowerBound..<units[last].bytes.upperBound
            parts.append(TextSplitter.string(section.bytes, bytes).trimmingTrailingWhitespace())
            let piece = pieceSpan(section, bytes: bytes, lines: lines)
            span = span.map { $0.union(piece) } ?? piece
            index = last + 1
        }
        let headingPath = group.first?.section.headingPath ?? []
        let pieces = units.reduce(headingPieces) { joined, unit in
            joined.flatMap { kept in unit.pieces.map { kept + $0 } }
        }
        return Chunk(
            text: parts.joined(separator: "\n\n"), headingPath: headingPath,
            span: span ?? SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<0), pieces: pieces)
    }

    /// The source span of `bytes` of a section's text. Exact when the section's text has one
    /// line per source line (text, code, tables, lists); else the whole section's span.
    static func pieceSpan(_ section: SectionText, bytes: Range<Int>, lines: [DecodedText.Line]) -> SourceSpan {
        let span = section.section.span
        guard bytes != 0..<section.bytes.count else { return span }
        let newlines = section.newlines
        guard newlines.count == span.lastLine - span.firstLine else { return span }
        let firstOffset = newlines.partitionIndex { $0 >= bytes.lowerBound }
        let lastOffset = newlines.partitionIndex { $0 >= max(bytes.lowerBound, bytes.upperBound - 1) }
        let firstLine = span.firstLine + firstOffset
        let lastLine = max(firstLine, span.firstLine + lastOffset)
        guard lastLine <= lines.count, firstLine >= 1 else {
            return SourceSpan(firstLine: firstLine, lastLine: lastLine, bytes: span.bytes, pages: span.pages)
        }
        let lower = max(span.bytes.lowerBound, lines[firstLine - 1].bytes.lowerBound)
        let upper = min(span.bytes.upperBound, lines[lastLine - 1].bytes.upperBound)
        return SourceSpan(firstLine: firstLine, lastLine: lastLine, bytes: lower..<max(lower, upper), pages: span.pages)
    }
}

extension Array where Element: Comparable {
    /// The index of the first element for which `isAtOrPast` holds, in a sorted array.
    func partitionIndex(_ isAtOrPast: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous.isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
