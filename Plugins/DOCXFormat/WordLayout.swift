import SemfindCore
import ZippedXML

/// Lays a Word document's blocks out as extracted text: headings into the heading path,
/// paragraphs as prose, runs of list items as one list, runs of paragraphs in a code style
/// (`WordStyles.codeStyles`) as one code block, tables as tables.
struct WordLayout {
    let styles: WordStyles
    let numbering: WordNumbering
    let titlePath: [String]
    private var trail = HeadingTrail()
    private var markers = WordListMarker()
    /// The list items read since the last other block, a line each.
    private var items: [String] = []
    /// The code paragraphs read since the last other block.
    private var codeLines: [String] = []

    init(styles: WordStyles, numbering: WordNumbering, titlePath: [String]) {
        self.styles = styles
        self.numbering = numbering
        self.titlePath = titlePath
    }

    mutating func add(_ blocks: [WordBlock], to text: inout ExtractedText) {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                if let level = headingLevel(of: paragraph) {
                    let heading = InlineText.collapsed(paragraph.text)
                    guard !heading.isEmpty else { continue }
                    flushList(to: &text)
                    flushCode(to: &text)
                    trail.enter(level: level, text: heading)
                    text.addHeading(heading)
                } else if paragraph.styleId.map(styles.codeStyles.contains) == true {
                    flushList(to: &text)
                    codeLines.append(paragraph.text)
                } else if let id = paragraph.numberingId {
                    flushCode(to: &text)
                    let format = numbering.format(of: id, level: paragraph.listLevel)
                    let marker = markers.next(numbering: id, level: paragraph.listLevel, format: format)
                    let indent = String(repeating: "  ", count: min(max(paragraph.listLevel, 0), 8))
                    items.append(indent + marker + " " + paragraph.text.drop(while: \.isWhitespace))
                } else {
                    flushList(to: &text)
                    flushCode(to: &text)
                    text.addBlock(paragraph.text, headingPath: titlePath + trail.path)
                }
            case .table(let rows):
                flushList(to: &text)
                flushCode(to: &text)
                text.addBlock(rows.joined(separator: "\n"), headingPath: titlePath + trail.path, kind: .table)
            }
        }
        flushList(to: &text)
        flushCode(to: &text)
    }

    private mutating func flushCode(to text: inout ExtractedText) {
        guard !codeLines.isEmpty else { return }
        text.addBlock(codeLines.joined(separator: "\n"), headingPath: titlePath + trail.path, kind: .code)
        codeLines = []
    }

    private mutating func flushList(to text: inout ExtractedText) {
        guard !items.isEmpty else { return }
        text.addBlock(items.joined(separator: "\n"), headingPath: titlePath + trail.path, kind: .list)
        items = []
    }

    /// A paragraph's own outline level wins over its style's (level 9 in Word is body text).
    func headingLevel(of paragraph: WordParagraph) -> Int? {
        if let outlineLevel = paragraph.outlineLevel { return outlineLevel < 9 ? outlineLevel + 1 : nil }
        return paragraph.styleId.flatMap { styles.levels[$0] }
    }

    /// The text of a note's blocks, a line each.
    static func noteText(_ note: [WordBlock]) -> String {
        let lines = note.map { block in
            switch block {
            case .paragraph(let paragraph): String(paragraph.text.drop(while: \.isWhitespace))
            case .table(let rows): rows.joined(separator: "\n")
            }
        }
        return lines.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
    }
}
