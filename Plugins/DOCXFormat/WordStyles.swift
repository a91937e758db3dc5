import ZippedXML

/// The heading levels of a Word document's paragraph styles (`word/styles.xml`): a style named
/// "heading N" (any case; Word's built-in names) is level N, and a style with an outline level
/// (`w:outlineLvl`, 0-based) is that level plus one. A style based on a heading style, with
/// neither of its own, has its base's level. Level 1 is the outermost. It also knows which
/// styles are code's (`codeStyles`).
struct WordStyles {
    private(set) var levels: [String: Int] = [:]
    /// Styles of code blocks: pandoc's "Source Code" and Word's "HTML Preformatted", "Plain Text"
    /// and "Macro Text", by id.
    private(set) var codeStyles: Set<String> = []

    static let codeStyleNames: Set<String> = ["source code", "html preformatted", "plain text", "macro text"]

    init() {}

    init(_ bytes: [UInt8], part: String) throws {
        var basedOn: [String: String] = [:]
        var current: String?
        try XMLStream.read(bytes, part: part) { event in
            guard case .start(let element) = event else { return }
            switch element.localName {
            case "style":
                current = element.attribute("type") == "paragraph" ? element.attribute("styleId") : nil
            case "name":
                let name = element.attribute("val") ?? ""
                if let id = current, let level = Self.level(named: name) { levels[id] = level }
                if let id = current, Self.codeStyleNames.contains(name.lowercased()) { codeStyles.insert(id) }
            case "outlineLvl":
                if let id = current, let level = element.attribute("val").flatMap({ Int($0) }), level < 9 {
                    levels[id] = level + 1
                }
            case "basedOn":
                if let id = current, let base = element.attribute("val") { basedOn[id] = base }
            default: break
            }
        }
        for (id, base) in basedOn where levels[id] == nil {
            if let level = levels[base] { levels[id] = level }
        }
    }

    /// N for "heading N" (1–9).
    static func level(named name: String) -> Int? {
        let words = name.lowercased().split(separator: " ")
        guard words.count == 2, words[0] == "heading", let level = Int(words[1]), (1...9).contains(level) else {
            return nil
        }
        return level
    }
}
