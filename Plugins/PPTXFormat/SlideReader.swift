import ZippedXML

/// Turns the events of a PresentationML slide or notes page into its shapes with text: each
/// shape's placeholder type and paragraphs (`a:p`, runs' `a:t`, `a:br` as a line break), and
/// the rows of tables in graphic frames. The fallback copy of alternate content is left out.
struct SlideReader {
    private(set) var shapes: [SlideShape] = []
    private var shape: SlideShape?
    private var paragraph: String?
    private var textDepth = 0
    private var skipped = SkippedSubtree()
    private var tableDepth = 0
    private var cells: [String] = []
    private var cellText: [String] = []

    mutating func handle(_ event: XMLEvent) {
        if skipped.swallows(event) { return }
        switch event {
        case .start(let element): start(element)
        case .end(let name): end(name)
        case .text(let string): if textDepth > 0 { paragraph? += string }
        }
    }

    private mutating func start(_ element: XMLElementStart) {
        switch element.localName {
        case "Fallback": skipped.enter()
        case "sp", "graphicFrame": shape = SlideShape()
        case "ph": shape?.placeholder = element.attribute("type") ?? "obj"
        case "p": paragraph = ""
        case "t": textDepth += 1
        case "br": paragraph? += "\n"
        case "tbl": tableDepth += 1
        case "tr": if tableDepth == 1 { cells = [] }
        case "tc": if tableDepth == 1 { cellText = [] }
        default: break
        }
    }

    private mutating func end(_ name: String) {
        switch name {
        case "t": textDepth = max(0, textDepth - 1)
        case "p":
            guard let text = paragraph else { return }
            paragraph = nil
            if tableDepth > 0 {
                let collapsed = InlineText.collapsed(text)
                if !collapsed.isEmpty { cellText.append(collapsed) }
            } else if !text.allSatisfy(\.isWhitespace) {
                shape?.paragraphs.append(text)
            }
        case "tc": if tableDepth == 1 { cells.append(cellText.joined(separator: " ")) }
        case "tr": if tableDepth == 1 { shape?.rows.append(cells.joined(separator: " | ")) }
        case "tbl": tableDepth = max(0, tableDepth - 1)
        case "sp", "graphicFrame":
            if let finished = shape, !finished.paragraphs.isEmpty || !finished.rows.isEmpty { shapes.append(finished) }
            shape = nil
        default: break
        }
    }
}
