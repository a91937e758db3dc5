import SemfindCore
import ZippedXML

/// An EPUB's package document (the OPF file that `META-INF/container.xml` points to): the book's
/// properties, its reading order, and where its navigation is.
struct EPUBPackage {
    /// A manifest item: the part it names and that part's media type.
    struct Item {
        var part: String
        var mediaType: String
        var properties: [Substring]
    }

    /// The OPF part's name in the archive.
    let part: String
    /// The book's title, description and keywords (`dc:title`, `dc:description`, `dc:subject`).
    private(set) var properties = DocumentProperties()
    /// The parts of the spine, in reading order, with their media types.
    private(set) var spine: [Item] = []
    /// The EPUB 3 navigation document, if the manifest names one.
    private(set) var navigation: Item?
    /// The EPUB 2 NCX table of contents, if the spine names one.
    private(set) var ncx: Item?

    /// Throws `SemfindError` (`.invalidInput`) when the archive has no container or package
    /// document, or either is not well-formed XML.
    init(in package: ZipPackage) throws {
        guard let container = try package.read("META-INF/container.xml") else {
            throw SemfindError(.invalidInput, "zip archive has no META-INF/container.xml: not an EPUB")
        }
        var rootfile: String?
        try XMLStream.read(container, part: "META-INF/container.xml") { event in
            guard rootfile == nil, case .start(let element) = event, element.localName == "rootfile" else { return }
            rootfile = element.attribute("full-path").map { PartName.resolve($0, from: "") }
        }
        guard let rootfile, let opf = try package.read(rootfile) else {
            throw SemfindError(.invalidInput, "EPUB names no package document that the archive holds")
        }
        part = rootfile
        properties = try DocumentProperties(opf, part: rootfile)
        try readManifestAndSpine(opf)
    }

    private mutating func readManifestAndSpine(_ opf: [UInt8]) throws {
        var manifest: [String: Item] = [:]
        var order: [String] = []
        var ncxId: String?
        try XMLStream.read(opf, part: part) { event in
            guard case .start(let element) = event else { return }
            switch element.localName {
            case "item":
                guard let id = element.attribute("id"), let href = element.attribute("href") else { return }
                manifest[id] = Item(
                    part: PartName.resolve(href, from: part), mediaType: element.attribute("media-type") ?? "",
                    properties: (element.attribute("properties") ?? "").split(separator: " "))
            case "spine": ncxId = element.attribute("toc")
            case "itemref": if let idref = element.attribute("idref") { order.append(idref) }
            default: break
            }
        }
        spine = order.compactMap { manifest[$0] }
        navigation = manifest.values.first { $0.properties.contains("nav") }
        ncx = ncxId.flatMap { manifest[$0] }
    }
}
