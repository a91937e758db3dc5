import ZippedXML

/// Turns the events of a WordprocessingML part (`document.xml`, `footnotes.xml`) into blocks:
/// paragraphs with their style, outline level and list numbering, and tables as rows of cells.
///
/// Text is what `w:t` runs hold, with `w:tab` as a tab and `w:br`/`w:cr` as a line break;
/// deleted text (`w:delText`), field codes (`w:instrText`) and the fallback copy of alternate
/// content (`mc:Fallback`, which repeats the text of text boxes) are left out. A paragraph inside
/// another (a text box) is a block of its own. The outermost table makes one block; the text of
/// tables nested in its cells joins the cell's text.
struct WordBodyReader {
    private(set) var blocks: [WordBlock] = []
    /// Open paragraphs, outermost first.
    private var paragraphs: [WordParagraph] = []
    private var runDepth = 0
    private var textDepth = 0
    /// Depth inside an element whose content is left out.
    private var skipped = SkippedSubtree()
    private var tableDepth = 0
    private var rows: [String] = []
    private var cells: [String] = []
    private var cellText: [String] = []

    /// Blocks made so far are handed over and forgotten (for a caller that groups them).
    mutating func takeBlocks() -> [WordBlock] {
        defer { blocks = [] }
        return blocks
    }

    mutating func handle(_ event: XMLEvent) {
        if skipped.swallows(event) { return }
        switch event {
        case .start(let element): start(element)
        case .end(let name): end(name)
        case .text(let string):
            if textDepth > 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += string }
        }
    }

    private mutating func start(_ element: XMLElementStart) {
        switch element.localName {
        case "Fallback": skipped.enter()
        case "p": paragraphs.append(WordParagraph())
        case "pStyle": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].styleId = element.attribute("val") }
        case "outlineLvl":
            if !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].outlineLevel = element.attribute("val").flatMap { Int($0) }
            }
        case "numId":
            let id = element.attribute("val")
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].numberingId = id == "0" ? nil : id }
        case "ilvl":
            if !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].listLevel = element.attribute("val").flatMap { Int($0) } ?? 0
            }
        case "r": runDepth += 1
        case "t": textDepth += 1
        case "tab" where runDepth > 0: appendToParagraph("\t")
        case "br" where runDepth > 0, "cr" where runDepth > 0: appendToParagraph("\n")
        case "noBreakHyphen": appendToParagraph("-")
        case "tbl":
            tableDepth += 1
            if tableDepth == 1 { rows = [] }
        case "tr": if tableDepth == 1 { cells = [] }
        case "tc": if tableDepth == 1 { cellText = [] }
        default: break
        }
    }

    private mutating func end(_ name: String) {
        switch name {
        case "r": runDepth = max(0, runDepth - 1)
        case "t": textDepth = max(0, textDepth - 1)
        case "p": endParagraph()
        case "tc": if tableDepth == 1 { cells.append(cellText.joined(separator: " ")) }
        case "tr": if tableDepth == 1 { rows.append(cells.joined(separator: " | ")) }
        case "tbl":
            tableDepth = max(0, tableDepth - 1)
            if tableDepth == 0 { blocks.append(.table(rows: rows.filter { !$0.allSatisfy(\.isWhitespace) })) }
        default: break
        }
    }

    private mutating func appendToParagraph(_ text: String) {
        if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += text }
    }

    private mutating func endParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        if tableDepth > 0 && paragraphs.isEmpty {
            let text = InlineText.collapsed(paragraph.text)
            if !text.isEmpty { cellText.append(text) }
            return
        }
        blocks.append(.paragraph(paragraph))
    }
}
