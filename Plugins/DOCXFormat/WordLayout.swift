import SemfindCore
import ZippedXML

/// Lays a Word document's blocks out as extracted text: headings into the heading path,
/// paragraphs as prose, tables as tables, notes numbered under their own heading.
enum WordLayout {
    static func add(_ blocks: [WordBlock], to text: inout ExtractedText, titlePath: [String], styles: WordStyles) {
        var trail = HeadingTrail()
        for block in blocks {
            switch block {
            case .paragraph(let paragraph, let styleId, let outlineLevel):
                if let level = headingLevel(styleId: styleId, outlineLevel: outlineLevel, styles: styles) {
                    let heading = InlineText.collapsed(paragraph)
                    guard !heading.isEmpty else { continue }
                    trail.enter(level: level, text: heading)
                    text.addHeading(heading)
                } else {
                    text.addBlock(paragraph, headingPath: titlePath + trail.path)
                }
            case .table(let rows):
                text.addBlock(rows.joined(separator: "\n"), headingPath: titlePath + trail.path, kind: .table)
            }
        }
    }

    /// Each note as "[N] " and its text, under `heading`; nothing when there are none.
    static func addNotes(_ notes: [[WordBlock]], heading: String, to text: inout ExtractedText, titlePath: [String]) {
        guard !notes.isEmpty else { return }
        text.addHeading(heading)
        for (index, note) in notes.enumerated() {
            let lines = note.map { block in
                switch block {
                case .paragraph(let paragraph, _, _): paragraph
                case .table(let rows): rows.joined(separator: "\n")
                }
            }
            let body = lines.map { String($0.drop(while: \.isWhitespace)) }.filter { !$0.isEmpty }.joined(
                separator: "\n")
            text.addBlock("[\(index + 1)] " + body, headingPath: titlePath + [heading])
        }
    }

    /// A paragraph's own outline level wins over its style's (level 9 in Word is body text).
    static func headingLevel(styleId: String?, outlineLevel: Int?, styles: WordStyles) -> Int? {
        if let outlineLevel { return outlineLevel < 9 ? outlineLevel + 1 : nil }
        return styleId.flatMap { styles.levels[$0] }
    }
}
