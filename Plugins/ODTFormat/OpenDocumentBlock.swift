/// A block of an OpenDocument text's body as `OpenDocumentReader` finds it.
enum OpenDocumentBlock: Equatable {
    /// A heading (`text:h`) of `level` (1 is the outermost).
    case heading(level: Int, text: String)
    case paragraph(String)
    /// A run of preformatted paragraphs (a code block), a line each, as written.
    case code([String])
    /// An outermost list: one line per item paragraph, each item's first after its mark ("-",
    /// "2."), nested items indented two spaces a level.
    case list([String])
    /// A table: one line per row, cells joined by " | ".
    case table([String])
}
