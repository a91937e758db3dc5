import ZippedXML

/// The marks before list items, as Word shows them: "-" for bullets, "3." for the third item of
/// a decimal list, "c." and "iii." for letters and roman numerals; other formats as decimal.
struct WordListMarker {
    /// Items counted so far by numbering and level.
    private var counts: [String: [Int]] = [:]

    /// The mark of the next item at `level` of numbering `id` in `format`; an item at a level
    /// restarts the count of every deeper level.
    mutating func next(numbering id: String, level: Int, format: String) -> String {
        let level = min(max(level, 0), 8)
        var levels = counts[id] ?? Array(repeating: 0, count: 9)
        levels[level] += 1
        for deeper in (level + 1)..<9 { levels[deeper] = 0 }
        counts[id] = levels
        let number = levels[level]
        if format == "bullet" || format == "none" { return "-" }
        return ListNumber.text(number, style: Self.styles[format] ?? .decimal) + "."
    }

    /// Word's number formats (`w:numFmt`) other than decimal that semfind writes as Word does.
    static let styles: [String: ListNumber.Style] = [
        "lowerLetter": .lowerLetter, "upperLetter": .upperLetter, "lowerRoman": .lowerRoman, "upperRoman": .upperRoman,
    ]
}
