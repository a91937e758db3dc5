import SemfindCore
import ZippedXML

/// Lays a Word document's blocks out as extracted text: headings into the heading path,
/// paragraphs as prose, tables as tables.
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

    /// The text of a note's blocks, a line each.
    static func noteText(_ note: [WordBlock]) -> String {
        let lines = note.map { block in
            switch block {
            case .paragraph(let paragraph, _, _): String(paragraph.drop(while: \.isWhitespace))
            case .table(let rows): rows.joined(separator: "\n")
            }
        }
        return lines.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
    }

    /// A paragraph's own outline level wins over its style's (level 9 in Word is body text).
    static func headingLevel(styleId: String?, outlineLevel: Int?, styles: WordStyles) -> Int? {
        if let outlineLevel { return outlineLevel < 9 ? outlineLevel + 1 : nil }
        return styleId.flatMap { styles.levels[$0] }
    }
}
