/// A block of a Word document's body as `WordBodyReader` finds it.
enum WordBlock: Equatable {
    /// A paragraph: its text, its style's id and its own outline level (0-based, as stored).
    case paragraph(text: String, styleId: String?, outlineLevel: Int?)
    /// A table: one line per row, cells joined by " | ".
    case table(rows: [String])
}
