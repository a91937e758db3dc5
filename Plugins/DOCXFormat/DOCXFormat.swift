import SemfindCore
import ZippedXML

/// Reads Word documents (Office Open XML, `.docx`): the title, description and keywords from the
/// document's properties (the description and keywords its first section),
/// headings from heading styles and outline levels, paragraphs, lists, tables, then the
/// footnotes and endnotes, each under a heading of their own.
///
/// A DOCX file has no lines of its own: spans count lines and bytes of the text this plugin
/// extracts (`ExtractedText`: each heading, paragraph, table row and note on its own line).
public struct DOCXFormat: FormatPlugin {
    public let name = "docx"
    public let version = 2
    public let mimeTypes: Set<String> = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
    public let extensions: Set<String> = ["docx", "docm", "dotx"]
    public let readsBinary = true

    public init() {}

    /// Throws `SemfindError` (`.invalidInput`) for a file that is not a zip archive, has no main
    /// document part, passes a limit of `ZipLimits`, or whose main part is not well-formed XML.
    /// Styles, notes and properties that cannot be read are warnings.
    public func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
        let package = try ZipPackage(bytes)
        let main = try Relationships(of: "", in: package).target(ofType: "officeDocument") ?? "word/document.xml"
        guard let body = try package.read(main) else {
            throw SemfindError(.invalidInput, "zip archive has no \(main): not a Word document")
        }
        var warnings: [String] = []
        let parts = (try? Relationships(of: main, in: package)) ?? nil
        let properties =
            Self.optional(&warnings) {
                try package.read("docProps/core.xml").map { try DocumentProperties($0, part: "docProps/core.xml") }
            } ?? DocumentProperties()
        let title = properties.title
        let styles = Self.optional(&warnings) {
            let part = parts?.target(ofType: "styles") ?? "word/styles.xml"
            return try package.read(part).map { try WordStyles($0, part: part) }
        }
        let numbering = Self.optional(&warnings) {
            let part = parts?.target(ofType: "numbering") ?? "word/numbering.xml"
            return try package.read(part).map { try WordNumbering($0, part: part) }
        }
        var reader = WordBodyReader()
        try XMLStream.read(body, part: main) { reader.handle($0) }

        var text = ExtractedText()
        let titlePath = title.map { [$0] } ?? []
        if let about = properties.about { text.addBlock(about, headingPath: titlePath) }
        var layout = WordLayout(
            styles: styles ?? WordStyles(), numbering: numbering ?? WordNumbering(), titlePath: titlePath)
        layout.add(reader.blocks, to: &text)
        for (typeName, element, heading) in [
            ("footnotes", "footnote", "Footnotes"), ("endnotes", "endnote", "Endnotes"),
        ] {
            let notes = Self.optional(&warnings) {
                let part = parts?.target(ofType: typeName) ?? "word/\(typeName).xml"
                return try package.read(part).map { try WordNotes.read($0, part: part, element: element) }
            }
            text.addNotes((notes ?? []).map(WordLayout.noteText), heading: heading, titlePath: titlePath)
        }
        return ParsedDocument(title: title, sections: text.sections, warnings: warnings)
    }

    /// What `read` returns, or nil with its error's message among `warnings`.
    private static func optional<Value>(_ warnings: inout [String], _ read: () throws -> Value?) -> Value? {
        do {
            return try read()
        } catch let error as SemfindError {
            warnings.append(error.message)
        } catch {
            warnings.append("\(error)")
        }
        return nil
    }
}
