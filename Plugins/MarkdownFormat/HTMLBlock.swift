/// An HTML block that ends at a terminator rather than at a blank line (CommonMark's kinds 1–5:
/// comments, processing instructions, declarations, CDATA, and `script`, `style`, `pre`,
/// `textarea` elements), or an `<h1>`–`<h6>` element, which semfind reads as a heading.
struct HTMLBlock {
    enum Kind: Equatable {
        /// Comments, processing instructions, declarations, CDATA: nothing a reader sees, but
        /// what follows the terminator on its line.
        case hidden
        /// `script` and `style`: their content is not shown either.
        case invisibleElement
        /// `pre` and `textarea`: their text is shown.
        case visibleElement
        /// `<h1>` to `<h6>`, with its level.
        case heading(Int)
    }

    let kind: Kind
    /// What ends the block (matched in any case); it may be on the opening line.
    let terminator: [UInt8]
    /// Whether the block must end before a blank line (headings only; the rest run on).
    var endsAtBlankLine: Bool { if case .heading = kind { true } else { false } }

    /// The block `line` opens, if any (at most 3 columns of indentation).
    init?(opening line: MarkdownLine) {
        guard line.indent <= 3 else { return nil }
        let rest = line.bytes[line.contentStart...]
        if rest.starts(with: Array("<!--".utf8)) {
            (kind, terminator) = (.hidden, Array("-->".utf8))
        } else if rest.starts(with: Array("<?".utf8)) {
            (kind, terminator) = (.hidden, Array("?>".utf8))
        } else if rest.starts(with: Array("<![CDATA[".utf8)) {
            (kind, terminator) = (.hidden, Array("]]>".utf8))
        } else if rest.starts(with: Array("<!".utf8)), rest.count > 2, ASCII.isLetter(rest[rest.startIndex + 2]) {
            (kind, terminator) = (.hidden, [ASCII.greaterThan])
        } else if let (name, kind) = Self.element(opening: rest) {
            self.kind = kind
            terminator = Array("</\(name)>".utf8)
        } else {
            return nil
        }
    }

    private static let elements: [(name: String, kind: Kind)] = [
        ("script", .invisibleElement), ("style", .invisibleElement), ("pre", .visibleElement),
        ("textarea", .visibleElement), ("h1", .heading(1)), ("h2", .heading(2)), ("h3", .heading(3)),
        ("h4", .heading(4)), ("h5", .heading(5)), ("h6", .heading(6)),
    ]

    /// `<name` followed by whitespace, `>` or the end of the line, for the elements above.
    private static func element(opening rest: ArraySlice<UInt8>) -> (String, Kind)? {
        guard rest.first == ASCII.lessThan else { return nil }
        for (name, kind) in elements {
            let nameBytes = Array(name.utf8)
            let after = rest.startIndex + 1 + nameBytes.count
            guard after <= rest.endIndex, ASCII.equalIgnoringCase(rest[(rest.startIndex + 1)..<after], nameBytes)
            else { continue }
            if after == rest.endIndex || ASCII.isWhitespace(rest[after]) || rest[after] == ASCII.greaterThan {
                return (name, kind)
            }
        }
        return nil
    }

    /// The offset just past the terminator in `bytes` at or after `start`, if it is there.
    func end(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= terminator.count else { return nil }
        var index = start
        while index + terminator.count <= bytes.count {
            if ASCII.equalIgnoringCase(bytes[index..<(index + terminator.count)], terminator) {
                return index + terminator.count
            }
            index += 1
        }
        return nil
    }
}
