/// Walks a Markdown file's lines once and cuts them into blocks: headings, fenced and indented
/// code, tables, lists, block quotes (scanned again without their markers), HTML blocks and
/// paragraphs; link reference definitions are skipped.
///
/// Each line is looked at a bounded number of times (at most one line of lookahead, for setext
/// underlines and table delimiter rows), so the scan is linear in the size of the file. Tables
/// and lists live in `BlockScanner+Containers.swift`.
struct BlockScanner {
    let lines: [MarkdownLine]
    /// The next line to look at.
    var index: Int
    var blocks: [MarkdownBlock] = []
    /// How many block quotes enclose these lines.
    var quoteDepth = 0

    /// A scanner over `lines` that starts at line index `start` (after any front matter).
    init(lines: [MarkdownLine], startingAt start: Int) {
        self.lines = lines
        self.index = start
    }

    /// The blocks from the start line to the end of the file, in file order.
    mutating func scan() -> [MarkdownBlock] {
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || line.isThematicBreak {
                index += 1
            } else if let definitionLines = LinkReferenceDefinition.lineCount(in: lines, from: index) {
                index += definitionLines
            } else if let fence = CodeFence(opening: line) {
                scanFencedCode(fence)
            } else if line.indent >= 4 {
                scanIndentedCode()
            } else if line.isBlockQuote {
                scanBlockQuote()
            } else if let block = HTMLBlock(opening: line) {
                scanHTMLBlock(block)
            } else if let heading = line.atxHeading {
                blocks.append(
                    .heading(level: heading.level, text: InlineStripper.strip(heading.text), lines: index...index))
                index += 1
            } else if startsTable(at: index) {
                scanTable()
            } else if line.listMarker != nil {
                scanList()
            } else {
                scanParagraph()
            }
        }
        return blocks
    }

    /// Code between fences, verbatim less the opening fence's indentation; an unclosed fence runs
    /// to the end of the file. The span includes both fences.
    private mutating func scanFencedCode(_ fence: CodeFence) {
        let first = index
        index += 1
        var code: [String] = []
        while index < lines.count, !fence.isClosed(by: lines[index]) {
            code.append(lines[index].droppingIndent(columns: fence.indent))
            index += 1
        }
        let last = min(index, lines.count - 1)
        index = last + 1
        blocks.append(.content(kind: .code, text: code.joined(separator: "\n"), lines: first...last))
    }

    /// Lines indented 4 or more columns, blank lines between them included, 4 columns removed.
    private mutating func scanIndentedCode() {
        let first = index
        var last = index
        index += 1
        while index < lines.count {
            if lines[index].indent >= 4 && !lines[index].isBlank {
                last = index
            } else if !lines[index].isBlank {
                break
            }
            index += 1
        }
        index = last + 1
        let code = lines[first...last].map { $0.droppingIndent(columns: 4) }
        blocks.append(.content(kind: .code, text: code.joined(separator: "\n"), lines: first...last))
    }

    /// A run of lines up to a blank line or a line that opens another block; a setext underline
    /// turns the run into a heading instead.
    mutating func scanParagraph() {
        let first = index
        index += 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { break }
            if let level = line.setextLevel {
                let text = InlineStripper.strip(joinedText(first..<index, separator: ASCII.space))
                blocks.append(.heading(level: level, text: text, lines: first...index))
                index += 1
                return
            }
            if interruptsParagraph(line, at: index) { break }
            index += 1
        }
        let text = InlineStripper.strip(joinedText(first..<index, separator: ASCII.newline))
        blocks.append(.content(kind: .prose, text: text, lines: first...(index - 1)))
    }

    /// Whether `line` starts a new block instead of continuing a paragraph (CommonMark: headings,
    /// fences, thematic breaks, block quotes, list items that may interrupt, and GFM tables).
    func interruptsParagraph(_ line: MarkdownLine, at position: Int) -> Bool {
        guard line.indent <= 3 else { return false }
        if line.isThematicBreak || line.atxHeading != nil || CodeFence(opening: line) != nil { return true }
        if line.isBlockQuote || HTMLBlock(opening: line) != nil { return true }
        if let marker = line.listMarker, marker.canInterruptParagraph(lineLength: line.bytes.count) { return true }
        return startsTable(at: position)
    }

    /// The paragraph's lines, each trimmed, joined for the inline stripper, which then sees links
    /// and code spans that cross lines.
    private func joinedText(_ range: Range<Int>, separator: UInt8) -> [UInt8] {
        var text: [UInt8] = []
        for position in range {
            if position > range.lowerBound { text.append(separator) }
            text.append(contentsOf: lines[position].trimmedContent)
        }
        return text
    }
}
