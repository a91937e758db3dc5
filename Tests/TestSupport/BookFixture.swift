import TestSupport

/// EPUB files the tests write part by part.
public enum BookFixture {
    /// A chapter: its part name, manifest id and XHTML body.
    public struct Chapter {
        public var part: String
        public var id: String
        public var body: String

        public init(part: String, id: String, body: String) {
            self.part = part
            self.id = id
            self.body = body
        }
    }

    public static let container = """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """

    public static func page(_ body: String, title: String = "Chapter page") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>\(title)</title></head><body>\(body)</body></html>
        """
    }

    /// The OPF at `opfPart`: `chapters` in the manifest in reverse order, the spine in `spine`
    /// order (ids), and a navigation document "nav.xhtml" beside the OPF.
    public static func opf(title: String, chapters: [Chapter], spine: [String], opfPart: String = "OEBPS/content.opf")
        -> String
    {
        let folder = opfPart.split(separator: "/").dropLast().joined(separator: "/")
        let items = chapters.reversed().map { chapter in
            let href = folder.isEmpty ? chapter.part : String(chapter.part.dropFirst(folder.count + 1))
            return #"<item id="\#(chapter.id)" href="\#(href)" media-type="application/xhtml+xml"/>"#
        }
        let refs = spine.map { #"<itemref idref="\#($0)"/>"# }
        return """
            <?xml version="1.0"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(title)</dc:title></metadata>
            <manifest>\(items.joined())
            <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
            <item id="cover" href="cover.png" media-type="image/png"/></manifest>
            <spine>\(refs.joined())<itemref idref="cover"/></spine>
            </package>
            """
    }

    /// A navigation document listing `labels` (href relative to the OPF's folder, label).
    public static func navigation(_ labels: [(href: String, label: String)]) -> String {
        let items = labels.map { #"<li><a href="\#($0.href)">\#($0.label)</a></li>"# }
        return """
            <?xml version="1.0"?>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
            <nav epub:type="toc"><ol>\(items.joined())</ol></nav></body></html>
            """
    }

    /// A whole EPUB: the `mimetype` entry first and stored, as the format asks.
    public static func epub(title: String, chapters: [Chapter], spine: [String], navigation: String) throws -> [UInt8] {
        var entries: [(name: String, text: String)] = [
            ("mimetype", "application/epub+zip"), ("META-INF/container.xml", container),
            ("OEBPS/content.opf", opf(title: title, chapters: chapters, spine: spine)),
            ("OEBPS/nav.xhtml", navigation),
        ]
        entries += chapters.map { ($0.part, $0.body) }
        return try ZipFixture.zip(entries, stored: ["mimetype"])
    }
}
