import ZippedXML

/// The number formats of a Word document's lists (`word/numbering.xml`): each numbering
/// (`w:num`) points to an abstract numbering whose levels (`w:lvl`) name a format (`w:numFmt`:
/// "bullet", "decimal", "lowerLetter", …).
struct WordNumbering {
    private var formats: [String: [Int: String]] = [:]

    init() {}

    init(_ bytes: [UInt8], part: String) throws {
        var abstractFormats: [String: [Int: String]] = [:]
        var abstractOfNumbering: [String: String] = [:]
        var abstract: String?
        var numbering: String?
        var level: Int?
        try XMLStream.read(bytes, part: part) { event in
            guard case .start(let element) = event else { return }
            switch element.localName {
            case "abstractNum":
                abstract = element.attribute("abstractNumId")
                numbering = nil
            case "num":
                numbering = element.attribute("numId")
                abstract = nil
            case "lvl": level = element.attribute("ilvl").flatMap { Int($0) }
            case "numFmt":
                if let abstract, let level, let format = element.attribute("val") {
                    abstractFormats[abstract, default: [:]][level] = format
                }
            case "abstractNumId":
                if let numbering, let id = element.attribute("val") { abstractOfNumbering[numbering] = id }
            default: break
            }
        }
        formats = abstractOfNumbering.compactMapValues { abstractFormats[$0] }
    }

    /// The format of `level` in numbering `id`; "bullet" when the document does not say.
    func format(of id: String, level: Int) -> String {
        formats[id]?[level] ?? "bullet"
    }
}
