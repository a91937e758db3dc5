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
        switch format {
        case "bullet", "none": return "-"
        case "lowerLetter": return Self.letters(number) + "."
        case "upperLetter": return Self.letters(number).uppercased() + "."
        case "lowerRoman": return Self.roman(number) + "."
        case "upperRoman": return Self.roman(number).uppercased() + "."
        default: return "\(number)."
        }
    }

    /// a, b, …, z, aa, bb, … as Word counts.
    static func letters(_ number: Int) -> String {
        let letter = Character(UnicodeScalar(UInt8(97 + (number - 1) % 26)))
        return String(repeating: letter, count: (number - 1) / 26 + 1)
    }

    static func roman(_ number: Int) -> String {
        let values = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
            (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = number
        var result = ""
        for (value, numeral) in values {
            while rest >= value {
                result += numeral
                rest -= value
            }
        }
        return result
    }
}
