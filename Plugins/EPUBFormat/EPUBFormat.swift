import HTMLFormat
import SemfindCore
import ZippedXML

/// Reads EPUB e-books (2 and 3): the chapters in spine order, each read by `HTMLFormat`, under
/// the book's title; a chapter's h1–h6 make its heading path, and a chapter without headings
/// takes its label in the book's table of contents.
///
/// An EPUB has no lines of its own: spans count the lines of the text this plugin extracts
/// (`ExtractedText`: each block, and each heading where the heading path changes, on its own
/// line), over the whole book.
public struct EPUBFormat: FormatPlugin {
    public let name = "epub"
    public let version = 2
    public let mimeTypes: Set<String> = ["application/epub+zip"]
    public let extensions: Set<String> = ["epub"]
    public let readsBinary = true

    /// Media types of the spine items read as chapters (others, e.g. images, are skipped).
    static let chapterTypes: Set<String> = ["application/xhtml+xml", "text/html"]

    public init() {}

    /// Throws `SemfindError` (`.invalidInput`) for a file that is not a zip archive, has no
    /// package document, or passes a limit of `ZipLimits` in a chapter. A chapter that is
    /// missing or that HTMLFormat refuses, and a table of contents that is unreadable, are
    /// warnings.
    public func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
        let package = try ZipPackage(bytes)
        let book = try EPUBPackage(in: package)
        var warnings: [String] = []
        let labels = Self.labels(book, package, &warnings)
        let titlePath = book.properties.title.map { [$0] } ?? []
        var text = ExtractedText()
        if let about = book.properties.about { text.addBlock(about, headingPath: titlePath) }
        var lastPath: [String] = []
        for chapter in book.spine where Self.chapterTypes.contains(chapter.mediaType) {
            guard let page = try package.read(chapter.part) else {
                warnings.append("chapter \(chapter.part) is not in the archive")
                continue
            }
            let parsed: ParsedDocument
            do {
                parsed = try HTMLFormat(readsPagesAsDocuments: true).parse(page)
            } catch let error as SemfindError {
                warnings.append("chapter \(chapter.part): \(error.message)")
                continue
            }
            warnings += parsed.warnings.map { "\(chapter.part): \($0)" }
            for section in parsed.sections {
                let ownPath = Array(section.headingPath.dropFirst(parsed.title == nil ? 0 : 1))
                var path = ownPath.isEmpty ? labels[chapter.part].map { [$0] } ?? [] : ownPath
                // A title page's heading repeats the book's title, which leads every path already.
                if let title = book.properties.title, path.first == title { path.removeFirst() }
                if path != lastPath, let heading = path.last { text.addHeading(heading) }
                lastPath = path
                text.addBlock(section.text, headingPath: titlePath + path, kind: section.kind)
            }
        }
        return ParsedDocument(title: book.properties.title, sections: text.sections, warnings: warnings)
    }

    /// The chapters' labels in the navigation document, else the NCX; none, with a warning,
    /// when neither can be read.
    private static func labels(_ book: EPUBPackage, _ package: ZipPackage, _ warnings: inout [String]) -> [String:
        String]
    {
        do {
            if let navigation = book.navigation, let bytes = try package.read(navigation.part) {
                return try EPUBNavigation.labels(navigation: bytes, part: navigation.part)
            }
            if let ncx = book.ncx, let bytes = try package.read(ncx.part) {
                return try EPUBNavigation.labels(ncx: bytes, part: ncx.part)
            }
        } catch let error as SemfindError {
            warnings.append("table of contents unread: \(error.message)")
        } catch {
            warnings.append("table of contents unread: \(error)")
        }
        return [:]
    }
}
