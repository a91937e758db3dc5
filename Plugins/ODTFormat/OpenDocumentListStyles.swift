import ZippedXML

/// The list styles of an OpenDocument text (`text:list-style`: named ones in `styles.xml`,
/// automatic ones in `content.xml`): for each style and level, bullets or numbers, and how a
/// number is written (format, prefix and suffix, start, how many levels it shows).
struct OpenDocumentListStyles {
    /// How one level of a list style marks its items.
    struct Level: Equatable {
        /// How its numbers are written; nil for bullets, images and numbers in no format.
        var number: ListNumber.Style?
        var prefix = ""
        var suffix = ""
        var startValue = 1
        /// How many levels' numbers a mark shows, this level's last ("2.1.").
        var displayLevels = 1
        /// Letters past z as aa, bb (`style:num-letter-sync`) rather than aa, ab.
        var repeatingLetters = false
    }

    /// ODF's number formats (`style:num-format`); any other is written as decimal.
    static let formats: [String: ListNumber.Style] = [
        "1": .decimal, "a": .lowerLetter, "A": .upperLetter, "i": .lowerRoman, "I": .upperRoman,
    ]

    private var levels: [String: [Int: Level]] = [:]
    /// The list style whose levels are being read.
    private var current: String?

    /// Reads the list styles among a part's elements.
    mutating func start(_ element: XMLElementStart) {
        switch element.localName {
        case "list-style": current = element.attribute("name")
        case "list-level-style-number", "list-level-style-bullet", "list-level-style-image":
            guard let current, let level = element.attribute("level").flatMap({ Int($0) }) else { return }
            levels[current, default: [:]][level] =
                element.localName == "list-level-style-number" ? Self.numbered(element) : Level()
        default: break
        }
    }

    /// How `level` (1 for an outermost list's items) of list style `style` marks its items:
    /// bullets when the style or level is unknown.
    func level(_ level: Int, of style: String?) -> Level {
        style.flatMap { levels[$0]?[level] } ?? Level()
    }

    private static func numbered(_ element: XMLElementStart) -> Level {
        let format = element.attribute("num-format") ?? ""
        return Level(
            number: format.isEmpty ? nil : formats[format] ?? .decimal, prefix: element.attribute("num-prefix") ?? "",
            suffix: element.attribute("num-suffix") ?? "",
            startValue: element.attribute("start-value").flatMap { Int($0) } ?? 1,
            displayLevels: element.attribute("display-levels").flatMap { Int($0) } ?? 1,
            repeatingLetters: element.attribute("num-letter-sync") == "true")
    }
}
