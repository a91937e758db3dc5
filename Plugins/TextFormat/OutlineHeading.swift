import SemfindCore

/// A heading of plain text's indentation outline, the shape `pod2text`, `man` and RFCs write: a
/// short line whose text is less indented than what follows it.
///
/// Two forms are headings:
/// - hanging: the first line of a paragraph, when every other line of the paragraph is indented
///   further (`  Declarations` over a body at four spaces; `NAME` over `    ls - list…`);
/// - standing: a one-line paragraph at the margin followed by a paragraph indented further
///   (`1.  Introduction`, a blank line, then the text at three spaces), when it does not start
///   in lower case nor end as a sentence does, and the text before it is indented too (or is a
///   heading, or there is none). An indented line standing over a further indented block
///   (`which means` over code, inside an item's body) is the body's prose.
///
/// A hanging line that starts a list item (`- `, `* `, `12. `, `a) `) is the item's text wrapping,
/// not a heading (standing alone, `1.  Introduction` is a numbered heading). No line ending with a
/// colon or a comma (it introduces what follows) or an opening bracket (code), none that holds a
/// sentence's end before more text (a definition list's term and text on one line), and none
/// longer than `longestTitle` characters (a line near the wrapping width is prose), is a heading.
struct OutlineHeading {
    static let longestTitle = 80

    let title: String
    let indent: Int

    /// The heading `line`, indented by `indent`, opens over a body (the rest of its paragraph for
    /// the hanging form, the next paragraph for the standing form) whose least indent is
    /// `bodyIndent`, when every line of the body is indented further than the line.
    init?(_ line: DecodedText.Line, indent: Int, bodyIndent: Int, standing: Bool) {
        guard bodyIndent > indent, !standing || indent == 0 else { return nil }
        let title = String(line.text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard title.count <= Self.longestTitle, title.contains(where: { $0.isLetter || $0.isNumber }),
            let last = title.last, !":,;{([=".contains(last),
            !(standing && (".!".contains(last) || title.first?.isLowercase == true)),
            standing || !Self.startsListItem(title), !Self.endsSentenceInside(title)
        else { return nil }
        self.title = title
        self.indent = indent
    }

    /// Leading white space, a tab counting as up to the next multiple of eight.
    static func indent(of text: String) -> Int {
        var column = 0
        for character in text {
            switch character {
            case " ": column += 1
            case "\t": column = (column / 8 + 1) * 8
            default: return column
            }
        }
        return column
    }

    /// Whether a lower-case letter, then `.`, `?` or `!`, then white space and a capital letter
    /// occur in `text`: one sentence ends and another starts (`1.  Introduction` has no such end).
    static func endsSentenceInside(_ text: String) -> Bool {
        let characters = Array(text)
        var index = 1
        while index + 2 < characters.count {
            if ".?!".contains(characters[index]), characters[index - 1].isLowercase, characters[index + 1] == " " {
                var next = index + 1
                while next < characters.count, characters[next] == " " { next += 1 }
                if next < characters.count, characters[next].isUppercase { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether `text` opens with a list marker followed by a space: a bullet, or up to three
    /// digits or one letter closed by `.` or `)`.
    static func startsListItem(_ text: String) -> Bool {
        let characters = Array(text.prefix(5))
        guard let first = characters.first else { return false }
        if "-*+•·".contains(first) { return characters.count > 1 && characters[1] == " " }
        var marker = 0
        while marker < characters.count, marker < 3, characters[marker].isNumber { marker += 1 }
        if marker == 0, first.isLetter { marker = 1 }
        guard marker > 0, marker + 1 < characters.count else { return false }
        return ".)".contains(characters[marker]) && characters[marker + 1] == " "
    }
}
