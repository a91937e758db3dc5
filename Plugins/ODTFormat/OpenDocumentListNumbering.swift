import ZippedXML

/// Marks the items of an OpenDocument text's lists as a reader sees them: "3.", "b)", "2.1." as
/// their list style's level numbers them, "-" for bullets.
///
/// The count runs through an outermost list and the lists in it; an item restarts the count of
/// every deeper level. A list without a style of its own has its parent's. An outermost list
/// that continues an earlier one (`text:continue-list` naming its `xml:id`, or
/// `text:continue-numbering` and the same style) continues that one's count.
struct OpenDocumentListNumbering {
    /// The document's list styles; `content.xml`'s automatic ones are added as they are read.
    var styles: OpenDocumentListStyles
    /// ODF's deepest list level.
    static let deepest = 10
    /// The count of each level (index 0 unused); 0 for a level not counted yet.
    private var counts = [Int](repeating: 0, count: deepest + 1)
    /// The style of each open list, outermost first.
    private var open: [String?] = []
    private var outermostID: String?
    /// The counts finished outermost lists left, by their `xml:id` and by their style.
    private var countsByID: [String: [Int]] = [:]
    private var countsByStyle: [String: [Int]] = [:]

    init(styles: OpenDocumentListStyles) {
        self.styles = styles
    }

    mutating func enterList(_ element: XMLElementStart) {
        let style = element.attribute("style-name") ?? open.last ?? nil
        if open.isEmpty {
            outermostID = element.attribute("id")
            let continued =
                element.attribute("continue-list").flatMap { countsByID[$0] }
                ?? (element.attribute("continue-numbering") == "true" ? style.flatMap { countsByStyle[$0] } : nil)
            counts = continued ?? [Int](repeating: 0, count: Self.deepest + 1)
        }
        open.append(style)
    }

    mutating func leaveList() {
        guard let style = open.popLast(), open.isEmpty else { return }
        if let outermostID { countsByID[outermostID] = counts }
        if let style { countsByStyle[style] = counts }
    }

    /// Counts an item that starts now in the innermost open list (`start`: the item's own
    /// `text:start-value`) and returns its mark.
    mutating func markItem(start: Int?) -> String {
        let depth = min(max(open.count, 1), Self.deepest)
        let style = open.last ?? nil
        let level = styles.level(depth, of: style)
        counts[depth] = start ?? (counts[depth] == 0 ? level.startValue : counts[depth] + 1)
        for deeper in (depth + 1)...Self.deepest { counts[deeper] = 0 }
        guard level.number != nil else { return "-" }
        let shallowest = depth - min(max(level.displayLevels, 1), depth) + 1
        let numbers = (shallowest...depth).map { shown in
            let format = styles.level(shown, of: style)
            return ListNumber.text(
                counts[shown] == 0 ? format.startValue : counts[shown], style: format.number ?? .decimal,
                repeatingLetters: format.repeatingLetters)
        }
        return level.prefix + numbers.joined(separator: ".") + level.suffix
    }
}
