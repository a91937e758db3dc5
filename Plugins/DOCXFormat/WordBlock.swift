/// A block of a Word document's body as `WordBodyReader` finds it.
enum WordBlock: Equatable {
    case paragraph(WordParagraph)
    /// A table: one line per row, cells joined by " | ".
    case table(rows: [String])
}

/// A paragraph of a Word document: its text and what its properties say of its role.
struct WordParagraph: Equatable {
    var text = ""
    var styleId: String?
    /// Its own outline level (0-based, as stored).
    var outlineLevel: Int?
    /// The numbering (`w:numId`) that makes it a list item; nil when it is none ("0" is none).
    var numberingId: String?
    /// Its level in that list (`w:ilvl`, 0-based).
    var listLevel = 0
}
