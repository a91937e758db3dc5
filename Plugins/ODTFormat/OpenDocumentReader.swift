import ZippedXML

/// Turns the events of an OpenDocument text's `content.xml` into blocks: headings with their
/// outline level, paragraphs, outermost lists (items marked as `OpenDocumentListNumbering`
/// numbers them) and outermost tables; and the notes' text.
///
/// A run of paragraphs in the "Preformatted Text" style (pandoc's and LibreOffice's code blocks)
/// is one code block, its lines' leading spaces kept. Text follows ODF's white-space rule: runs of white space are one space, `text:s` adds
/// spaces, `text:tab` a tab and `text:line-break` a line break. Notes (`text:note`) are read
/// apart, their citation marks dropped; annotations, tracked deletions, tables of contents and
/// drawings' titles and descriptions are left out. A paragraph inside another (a text box) is a
/// block of its own; the text of tables nested in a cell joins the cell's text.
struct OpenDocumentReader {
    private struct Paragraph {
        var text = ""
        /// The outline level of a heading; nil for a paragraph.
        var level: Int?
        /// Whether its style is "Preformatted Text" (directly or through an automatic style).
        var isPreformatted = false
    }

    /// The paragraph style of preformatted text (code), by its internal name.
    static let preformattedStyle = "Preformatted_20_Text"

    /// The most spaces one `text:s` gives.
    static let maxSpaces = 1_000

    /// Elements whose content is never read.
    static let skipped: Set<String> = [
        "annotation", "tracked-changes", "note-citation", "table-of-content", "title", "desc", "sequence-decls",
    ]

    private(set) var blocks: [OpenDocumentBlock] = []
    /// Each note's text, in document order.
    private(set) var notes: [String] = []
    private var paragraphs: [Paragraph] = []
    private var skippedElement = SkippedSubtree()
    private var listDepth = 0
    private var items: [String] = []
    private var numbering: OpenDocumentListNumbering
    /// The mark of the current list item ("-", "2.").
    private var itemMark = "-"
    /// Whether the current list item has had its first paragraph.
    private var itemStarted = false
    private var tableDepth = 0
    private var rows: [String] = []
    private var cells: [String] = []
    private var cellText: [String] = []
    private var noteDepth = 0
    private var noteText: [String] = []
    /// The preformatted paragraphs read since the last other block.
    private var codeLines: [String] = []
    /// Automatic paragraph styles (`office:automatic-styles`) and the style each is based on.
    private var parentStyles: [String: String] = [:]

    /// A reader that knows the list styles of `styles.xml` (`content.xml` adds its automatic ones).
    init(listStyles: OpenDocumentListStyles) {
        numbering = OpenDocumentListNumbering(styles: listStyles)
    }

    mutating func handle(_ event: XMLEvent) {
        if skippedElement.swallows(event) { return }
        switch event {
        case .start(let element): start(element)
        case .end(let name): end(name)
        case .text(let string): append(InlineText.collapsedKeepingEnds(string))
        }
    }

    private mutating func start(_ element: XMLElementStart) {
        switch element.localName {
        case let name where Self.skipped.contains(name): skippedElement.enter()
        case "style":
            if let name = element.attribute("name"), let parent = element.attribute("parent-style-name") {
                parentStyles[name] = parent
            }
        case "p":
            let style = element.attribute("style-name")
            let isPreformatted =
                style == Self.preformattedStyle || style.flatMap { parentStyles[$0] } == Self.preformattedStyle
            paragraphs.append(Paragraph(isPreformatted: isPreformatted))
        case "h": paragraphs.append(Paragraph(level: element.attribute("outline-level").flatMap { Int($0) } ?? 1))
        case "s":
            // A count out of range (negative, or millions) is clamped: the spaces are layout only.
            let count = element.attribute("c").flatMap { Int($0) } ?? 1
            append(String(repeating: " ", count: min(max(count, 0), Self.maxSpaces)))
        case "tab": append("\t")
        case "line-break": append("\n")
        case "note-body":
            noteDepth += 1
            if noteDepth == 1 { noteText = [] }
        case "list":
            flushCode()
            listDepth += 1
            if listDepth == 1 { items = [] }
            numbering.enterList(element)
        case "list-item":
            itemStarted = false
            itemMark = numbering.markItem(start: element.attribute("start-value").flatMap { Int($0) })
        case "list-header":
            itemStarted = false
            itemMark = "-"
        case "table":
            flushCode()
            tableDepth += 1
            if tableDepth == 1 { rows = [] }
        case "table-row": if tableDepth == 1 { cells = [] }
        case "table-cell": if tableDepth == 1 { cellText = [] }
        default: numbering.styles.start(element)
        }
    }

    private mutating func end(_ name: String) {
        switch name {
        case "p", "h": endParagraph()
        case "note-body":
            noteDepth -= 1
            if noteDepth == 0 { notes.append(noteText.joined(separator: "\n")) }
        case "list":
            listDepth -= 1
            numbering.leaveList()
            if listDepth == 0 { flushList() }
        case "table-cell": if tableDepth == 1 { cells.append(cellText.joined(separator: " ")) }
        case "table-row": if tableDepth == 1 { rows.append(cells.joined(separator: " | ")) }
        case "table":
            tableDepth -= 1
            if tableDepth == 0 { blocks.append(.table(rows.filter { !$0.allSatisfy(\.isWhitespace) })) }
        default: break
        }
    }

    private mutating func append(_ text: String) {
        if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += text }
    }

    private mutating func endParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        let isCode =
            paragraph.isPreformatted && paragraphs.isEmpty && noteDepth == 0 && tableDepth == 0 && listDepth == 0
        if isCode {
            codeLines.append(String(paragraph.text.reversed().drop { $0 == " " }.reversed()))
            return
        }
        flushCode()
        let text = paragraph.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }.joined(separator: "\n")
        guard !text.allSatisfy(\.isWhitespace) else { return }
        if noteDepth > 0 {
            noteText.append(text)
        } else if tableDepth > 0 && paragraphs.isEmpty {
            cellText.append(text)
        } else if let level = paragraph.level {
            flushList()
            blocks.append(.heading(level: level, text: InlineText.collapsed(text)))
        } else if listDepth > 0 && paragraphs.isEmpty {
            let indent = String(repeating: "  ", count: listDepth - 1)
            items.append(indent + (itemStarted ? "  " : itemMark + " ") + text)
            itemStarted = true
        } else {
            blocks.append(.paragraph(text))
        }
    }

    /// Ends a run of preformatted paragraphs: one code block, blank lines at its ends dropped.
    mutating func flushCode() {
        let lines = codeLines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()
        if !lines.isEmpty { blocks.append(.code(Array(lines))) }
        codeLines = []
    }

    private mutating func flushList() {
        if !items.isEmpty { blocks.append(.list(items)) }
        items = []
    }
}

extension Substring {
    /// Without spaces (and tabs from runs of white space) at either end.
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
