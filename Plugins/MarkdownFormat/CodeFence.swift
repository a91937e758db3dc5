/// The opening line of a fenced code block: the fence character, its length and its indentation,
/// which are what a closing fence must match.
struct CodeFence {
    /// A backtick or a tilde.
    let character: UInt8
    /// Three or more.
    let length: Int
    /// Columns of indentation of the opening fence; removed from the code lines.
    let indent: Int

    /// The fence `line` opens, if any. Inside a list a fence may be indented any amount
    /// (`anyIndent`), elsewhere at most 3 columns.
    init?(opening line: MarkdownLine, anyIndent: Bool = false) {
        guard anyIndent || line.indent <= 3 else { return nil }
        self.init(in: line, at: line.contentStart, indent: line.indent)
    }

    /// The fence that starts at byte `offset` of `line` (e.g. after a list marker), if any.
    init?(in line: MarkdownLine, at offset: Int, indent: Int) {
        guard offset < line.bytes.count else { return nil }
        let character = line.bytes[offset]
        guard character == ASCII.backtick || character == ASCII.tilde else { return nil }
        let length = line.runLength(of: character, from: offset)
        guard length >= 3 else { return nil }
        // A backtick fence's info string may not contain a backtick (it would be inline code).
        if character == ASCII.backtick, line.bytes[(offset + length)...].contains(ASCII.backtick) { return nil }
        self.character = character
        self.length = length
        self.indent = indent
    }

    /// Whether `line` closes this fence: the same character, at least as many, nothing after.
    func isClosed(by line: MarkdownLine, anyIndent: Bool = false) -> Bool {
        guard anyIndent || line.indent <= 3, line.contentStart < line.bytes.count,
            line.bytes[line.contentStart] == character
        else { return false }
        let run = line.runLength(of: character, from: line.contentStart)
        return run >= length && line.isBlank(from: line.contentStart + run)
    }
}
