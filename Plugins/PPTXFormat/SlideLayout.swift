import ZippedXML

/// Lays one slide out as extracted text: its title as the heading, then its text (one prose
/// section, a line per paragraph), its tables, and its notes under a heading "Notes".
enum SlideLayout {
    static func add(
        slide number: Int, shapes: [SlideShape], notes: [SlideShape], to text: inout ExtractedText,
        titlePath: [String]
    ) {
        let titleText = shapes.first(where: \.isTitle).map {
            InlineText.collapsed($0.paragraphs.joined(separator: " "))
        }
        let heading = titleText.flatMap { $0.isEmpty ? nil : $0 } ?? "Slide \(number)"
        let path = titlePath + [heading]
        text.addHeading(heading)
        let content = shapes.filter { !$0.isTitle && !$0.isFurniture }
        text.addBlock(content.flatMap(\.paragraphs).joined(separator: "\n"), headingPath: path)
        for table in content where !table.rows.isEmpty {
            text.addBlock(table.rows.joined(separator: "\n"), headingPath: path, kind: .table)
        }
        let spoken = notes.filter { $0.placeholder == "body" }.flatMap(\.paragraphs)
        if !spoken.isEmpty {
            text.addHeading("Notes")
            text.addBlock(spoken.joined(separator: "\n"), headingPath: path + ["Notes"])
        }
    }
}
