import SemfindCore

/// The text a plugin extracts from a document that has no lines of its own (a zip of XML),
/// laid out as lines, and the sections it makes, with spans into that text.
///
/// Each heading and each block starts a new line of the extracted text, in document order; a
/// block with line breaks takes several. A section's span is its lines (1-based, counted over
/// the whole extracted text) and its bytes in the extracted text's UTF-8, each line ending in
/// one line feed. The extracted text itself is not kept: the spans are all that need it.
public struct ExtractedText: Sendable {
    public private(set) var sections: [Section] = []
    /// The line the next heading or block starts on.
    private var line = 1
    /// The UTF-8 offset of that line.
    private var offset = 0
    /// Whether a heading was added since the last block: the next block opens it.
    private var headingOpened = false

    public init() {}

    /// A heading: it takes its lines but makes no section (it is in the heading paths instead).
    public mutating func addHeading(_ text: String) {
        _ = advance(over: text)
        headingOpened = true
    }

    /// A block of `kind` under `headingPath`, unless its text is blank. Trailing white space is
    /// dropped from every line, blank lines at either end too.
    public mutating func addBlock(_ text: String, headingPath: [String], kind: Section.Kind = .prose) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.reversed().drop { $0.isWhitespace }.reversed()
        }
        guard let first = lines.firstIndex(where: { !$0.isEmpty }), let last = lines.lastIndex(where: { !$0.isEmpty })
        else { return }
        let cleaned = lines[first...last].map { String($0) }.joined(separator: "\n")
        let span = advance(over: cleaned)
        sections.append(
            Section(text: cleaned, headingPath: headingPath, span: span, kind: kind, opensHeading: headingOpened))
        headingOpened = false
    }

    /// Notes (footnotes, endnotes), each "[N] " and its text, under a heading `heading` after
    /// `titlePath`; nothing when all are blank.
    public mutating func addNotes(_ notes: [String], heading: String, titlePath: [String]) {
        let notes = notes.filter { !$0.allSatisfy(\.isWhitespace) }
        guard !notes.isEmpty else { return }
        addHeading(heading)
        for (index, note) in notes.enumerated() {
            addBlock("[\(index + 1)] " + note.drop(while: \.isWhitespace), headingPath: titlePath + [heading])
        }
    }

    private mutating func advance(over text: String) -> SourceSpan {
        let lineFeeds = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let span = SourceSpan(firstLine: line, lastLine: line + lineFeeds, bytes: offset..<offset + text.utf8.count)
        line += lineFeeds + 1
        offset += text.utf8.count + 1
        return span
    }
}
