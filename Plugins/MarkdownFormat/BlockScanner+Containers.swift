import SemfindCore

/// Tables and lists: blocks kept whole as one section each.
extension BlockScanner {
    /// Whether a GFM table starts at `position`: a line with a pipe, then a delimiter row with as
    /// many columns.
    func startsTable(at position: Int) -> Bool {
        guard position + 1 < lines.count, lines[position].indent <= 3, !lines[position].isBlank,
            let columns = TableRow.delimiterColumns(lines[position + 1]), lines[position].hasPipe
        else { return false }
        return TableRow.cells(of: lines[position]).count == columns
    }

    /// The header and its rows up to a blank line or another block, one text line per row (cells
    /// joined by " | "), the delimiter row left out.
    mutating func scanTable() {
        let first = index
        var rows = [tableRowText(lines[first])]
        index += 2
        while index < lines.count {
            let line = lines[index]
            let endsTable =
                line.indent <= 3
                && (line.isThematicBreak || line.atxHeading != nil || line.isBlockQuote
                    || CodeFence(opening: line) != nil)
            if line.isBlank || endsTable { break }
            rows.append(tableRowText(line))
            index += 1
        }
        blocks.append(.content(kind: .table, text: rows.joined(separator: "\n"), lines: first...(index - 1)))
    }

    private func tableRowText(_ line: MarkdownLine) -> String {
        TableRow.cells(of: line).map { InlineStripper.strip($0) }.joined(separator: " | ")
    }

    /// Consecutive list items with their continuation lines: indented lines, lazy lines right
    /// after an item's text, blank lines followed by more of the list, and fenced code inside an
    /// item (kept verbatim, never ending the list). A fence inside an item closes with its closing
    /// fence or, unclosed, where a line is indented less than the fence (where the item ends).
    mutating func scanList() {
        let listStart = index
        var first = index
        var last = index
        var text: [String] = []
        var fence: CodeFence?
        var afterBlank = false
        var pendingBlankLines = 0
        while index < lines.count {
            let line = lines[index]
            if let open = fence {
                if open.isClosed(by: line, anyIndent: true) {
                    fence = nil
                    pendingBlankLines = 0
                } else if line.isBlank {
                    pendingBlankLines += 1
                    afterBlank = true
                    index += 1
                    continue
                } else if line.indent < open.indent {
                    fence = nil
                    continue
                } else {
                    text += Array(repeating: "", count: pendingBlankLines)
                    pendingBlankLines = 0
                    text.append(line.droppingIndent(columns: open.indent))
                }
            } else if line.isBlank {
                afterBlank = true
                index += 1
                continue
            } else if index > listStart, !continuesList(line, at: index, afterBlank: afterBlank) {
                break
            } else if let open = fenceInList(line) {
                fence = open
            } else if let heading = itemHeading(line) {
                // A heading in an item heads what follows, as one outside the list would.
                if !text.isEmpty {
                    blocks.append(.content(kind: .list, text: text.joined(separator: "\n"), lines: first...last))
                }
                blocks.append(.heading(level: heading.level, text: heading.text, lines: index...index))
                text = []
                first = index + 1
            } else {
                text.append(listLineText(line))
            }
            afterBlank = false
            last = index
            index += 1
        }
        index = last + 1
        if !text.isEmpty && first <= last {
            blocks.append(.content(kind: .list, text: text.joined(separator: "\n"), lines: first...last))
        }
    }

    /// The ATX heading an item's text is (`- # Title`), if it is one.
    private func itemHeading(_ line: MarkdownLine) -> (level: Int, text: String)? {
        guard let marker = line.listMarker, marker.textStart < line.bytes.count,
            line.bytes[marker.textStart] == ASCII.hash
        else { return nil }
        let text = String(decoding: line.bytes[marker.textStart...], as: UTF8.self)
        let item = MarkdownLine(DecodedText.Line(number: line.source.number, text: text, bytes: line.source.bytes))
        return item.atxHeading.map { ($0.level, InlineStripper.strip($0.text)) }
    }

    private func continuesList(_ line: MarkdownLine, at position: Int, afterBlank: Bool) -> Bool {
        if line.indent >= 2 { return true }
        if line.isThematicBreak { return false }
        if line.listMarker != nil { return true }
        if afterBlank { return false }
        let opensBlock =
            line.atxHeading != nil || CodeFence(opening: line) != nil || line.isBlockQuote
            || startsTable(at: position)
        return !opensBlock
    }

    /// A fence opened by a line of the list: on its own line at any indentation, or right after
    /// an item's marker.
    private func fenceInList(_ line: MarkdownLine) -> CodeFence? {
        if let fence = CodeFence(opening: line, anyIndent: true) { return fence }
        guard let marker = line.listMarker else { return nil }
        let column = line.indent + marker.textStart - line.contentStart
        return CodeFence(in: line, at: marker.textStart, indent: column)
    }

    /// A list line as a reader sees it: indentation and marker kept (they show nesting and where
    /// items start), the rest stripped of inline markup.
    private func listLineText(_ line: MarkdownLine) -> String {
        let textStart = line.listMarker?.textStart ?? line.contentStart
        let markerEnd = line.listMarker?.markerEnd ?? line.contentStart
        let prefix = String(decoding: line.bytes[..<markerEnd], as: UTF8.self)
        let rest = InlineStripper.strip(line.bytes[textStart...])
        return rest.isEmpty || markerEnd == line.contentStart ? prefix + rest : prefix + " " + rest
    }
}
