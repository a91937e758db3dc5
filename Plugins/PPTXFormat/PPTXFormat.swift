import SemfindCore
import ZippedXML

/// Reads PowerPoint presentations (Office Open XML, `.pptx`): one heading per slide, in the
/// presentation's order, from its title placeholder ("Slide N" when it has none), and under it
/// the slide's text, its tables, and its speaker notes.
///
/// A PPTX file has no lines of its own: spans count the lines of the text this plugin extracts
/// (`ExtractedText`: each slide title, text paragraph, table row and notes paragraph on its own
/// line).
public struct PPTXFormat: FormatPlugin {
    public let name = "pptx"
    public let version = 2
    public let mimeTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ]
    public let extensions: Set<String> = ["pptx", "pptm", "ppsx"]
    public let readsBinary = true

    public init() {}

    /// Throws `SemfindError` (`.invalidInput`) for a file that is not a zip archive, has no
    /// presentation part, passes a limit of `ZipLimits`, or whose presentation part is not
    /// well-formed XML. A slide that is missing or unreadable is a warning.
    public func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
        let package = try ZipPackage(bytes)
        let main = try Relationships(of: "", in: package).target(ofType: "officeDocument") ?? "ppt/presentation.xml"
        guard let presentation = try package.read(main) else {
            throw SemfindError(.invalidInput, "zip archive has no \(main): not a PowerPoint presentation")
        }
        var warnings: [String] = []
        var properties = DocumentProperties()
        do {
            properties =
                try package.read("docProps/core.xml").map { try DocumentProperties($0, part: "docProps/core.xml") }
                ?? properties
        } catch let error as SemfindError {
            warnings.append(error.message)
        }
        let title = properties.title
        let titlePath = title.map { [$0] } ?? []
        var text = ExtractedText()
        if let about = properties.about { text.addBlock(about, headingPath: titlePath) }
        for (index, slide) in try Self.slideParts(presentation, part: main, in: package).enumerated() {
            do {
                guard let shapes = try Self.shapes(of: slide, in: package) else {
                    warnings.append("slide \(index + 1) (\(slide)) is not in the archive")
                    continue
                }
                let notes = try Relationships(of: slide, in: package).target(ofType: "notesSlide").flatMap {
                    try Self.shapes(of: $0, in: package)
                }
                SlideLayout.add(
                    slide: index + 1, shapes: shapes, notes: notes ?? [], to: &text, titlePath: titlePath)
            } catch let error as SemfindError {
                warnings.append("slide \(index + 1): \(error.message)")
            }
        }
        return ParsedDocument(title: title, sections: text.sections, warnings: warnings)
    }

    /// The slides' part names in the presentation's order (`p:sldIdLst`, through its rels).
    static func slideParts(_ presentation: [UInt8], part: String, in package: ZipPackage) throws -> [String] {
        let relationships = try Relationships(of: part, in: package)
        var slides: [String] = []
        try XMLStream.read(presentation, part: part) { event in
            guard case .start(let element) = event, element.localName == "sldId",
                let id = element.attributes.first(where: { $0.localName == "id" && !$0.namespace.isEmpty })?.value,
                let target = relationships.target(id: id)
            else { return }
            slides.append(target)
        }
        return slides
    }

    /// The shapes with text of the slide or notes page `part`; nil when the archive lacks it.
    static func shapes(of part: String, in package: ZipPackage) throws -> [SlideShape]? {
        guard let bytes = try package.read(part) else { return nil }
        var reader = SlideReader()
        try XMLStream.read(bytes, part: part) { reader.handle($0) }
        return reader.shapes
    }
}
