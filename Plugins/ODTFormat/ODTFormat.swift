import SemfindCore
import ZippedXML

/// Reads OpenDocument text (`.odt`): the title from `meta.xml`, headings (`text:h` with their
/// outline level), paragraphs, lists (numbered by their list styles, from `styles.xml` and
/// `content.xml`) and tables from `content.xml`, then the notes under a heading of their own.
///
/// An ODT file has no lines of its own: spans count the lines of the text this plugin extracts
/// (`ExtractedText`: each heading, paragraph, list item, table row and note on its own line).
public struct ODTFormat: FormatPlugin {
    public let name = "odt"
    public let version = 3
    public let mimeTypes: Set<String> = ["application/vnd.oasis.opendocument.text"]
    public let extensions: Set<String> = ["odt", "ott"]
    public let readsBinary = true

    public init() {}

    /// Throws `SemfindError` (`.invalidInput`) for a file that is not a zip archive, has no
    /// `content.xml`, passes a limit of `ZipLimits`, or whose content is not well-formed XML
    /// (elements nested over 256 deep included). An unreadable `meta.xml` or `styles.xml` is a
    /// warning.
    public func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
        let package = try ZipPackage(bytes)
        guard let content = try package.read("content.xml") else {
            throw SemfindError(.invalidInput, "zip archive has no content.xml: not an OpenDocument text")
        }
        var warnings: [String] = []
        var properties = DocumentProperties()
        do {
            properties = try package.read("meta.xml").map { try DocumentProperties($0, part: "meta.xml") } ?? properties
        } catch let error as SemfindError {
            warnings.append(error.message)
        }
        let title = properties.title
        var listStyles = OpenDocumentListStyles()
        do {
            if let styles = try package.read("styles.xml") {
                try XMLStream.read(styles, part: "styles.xml") { event in
                    if case .start(let element) = event { listStyles.start(element) }
                }
            }
        } catch let error as SemfindError {
            warnings.append(error.message)
        }
        var reader = OpenDocumentReader(listStyles: listStyles)
        try XMLStream.read(content, part: "content.xml") { reader.handle($0) }
        reader.flushCode()

        let titlePath = title.map { [$0] } ?? []
        var text = ExtractedText()
        if let about = properties.about { text.addBlock(about, headingPath: titlePath) }
        var trail = HeadingTrail()
        for block in reader.blocks {
            switch block {
            case .heading(let level, let heading):
                trail.enter(level: level, text: heading)
                text.addHeading(heading)
            case .paragraph(let paragraph): text.addBlock(paragraph, headingPath: titlePath + trail.path)
            case .code(let lines):
                text.addBlock(lines.joined(separator: "\n"), headingPath: titlePath + trail.path, kind: .code)
            case .list(let items):
                text.addBlock(items.joined(separator: "\n"), headingPath: titlePath + trail.path, kind: .list)
            case .table(let rows):
                text.addBlock(rows.joined(separator: "\n"), headingPath: titlePath + trail.path, kind: .table)
            }
        }
        text.addNotes(reader.notes, heading: "Notes", titlePath: titlePath)
        return ParsedDocument(title: title, sections: text.sections, warnings: warnings)
    }
}
