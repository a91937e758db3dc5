import SemfindCore

/// Reads PDFs through poppler (`libpoppler-glib`): each page's text in reading order, the
/// document's title as the root of every heading path, and the outline (bookmarks) below it.
///
/// Each page's lines go under the outline entry that points into the page above them (by the
/// entry's destination on the page when it names one), or under the entry in effect from an
/// earlier page; a document without an outline has its title alone as heading path. Sections
/// are runs of a page's lines under one entry, so consecutive pages under one entry pack into
/// chunks together. Spans are pages: a section's `pages` is its page, its lines are counted in
/// that page's text, and it has no byte offsets (the text is not stored in the file as bytes).
///
/// A document that opens without a password is read, encrypted or not; one that needs a user
/// password, and bytes that are no readable PDF, fail with the reason. Pages with no text (a
/// scanned image; there is no OCR) are named in a warning.
public struct PDFFormat: FormatPlugin {
    public let name = "pdf"
    public let version = 1
    public let mimeTypes: Set<String> = ["application/pdf"]
    public let extensions: Set<String> = ["pdf"]
    public let readsBinary = true

    public init() {}

    /// Parses a whole PDF. Throws `SemfindError` (`.invalidInput`) when poppler cannot open it.
    public func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
        let document = try PDFDocument(bytes)
        let title = document.title
        let entries = Dictionary(grouping: PDFOutline.entries(of: document), by: \.page)
        var cutter = PageSections(title: title)
        var sections: [Section] = []
        var textless: [Int] = []
        var unreadable: [Int] = []
        for number in stride(from: 1, through: document.pageCount, by: 1) {
            guard let page = document.page(number) else {
                unreadable.append(number)
                continue
            }
            let text = page.text
            if text.isBlank { textless.append(number) }
            sections += cutter.sections(of: number, text: text, entries: entries[number] ?? [])
        }
        var warnings: [String] = []
        if document.pageCount == 0 { warnings.append("poppler found no pages (a damaged page tree?): no text read") }
        if !textless.isEmpty {
            warnings.append("no text layer on \(PageList(textless)) (scanned images?): not read, semfind does no OCR")
        }
        if !unreadable.isEmpty { warnings.append("poppler could not read \(PageList(unreadable)): skipped") }
        return ParsedDocument(title: title, sections: sections, warnings: warnings)
    }
}
