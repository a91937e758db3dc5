import ZippedXML

/// The footnotes or endnotes of a Word document (`word/footnotes.xml`, `word/endnotes.xml`):
/// the blocks of each note, in the order the part lists them, its separators left out.
enum WordNotes {
    /// `element` is "footnote" or "endnote".
    static func read(_ bytes: [UInt8], part: String, element: String) throws -> [[WordBlock]] {
        var notes: [[WordBlock]] = []
        var reader = WordBodyReader()
        var inNote = false
        try XMLStream.read(bytes, part: part) { event in
            switch event {
            case .start(let start) where start.localName == element:
                let type = start.attribute("type") ?? "normal"
                inNote = type == "normal"
                _ = reader.takeBlocks()
            case .end(let name) where name == element:
                if inNote { notes.append(reader.takeBlocks()) }
                inNote = false
            default:
                if inNote { reader.handle(event) }
            }
        }
        return notes
    }
}
