/// Office documents and e-books built to hurt a parser (issue 18's list), for the tests of each
/// plugin and for the run that indexes them all together.
public enum HostileDocuments {
    /// A DOCX of about 1 MB whose document part inflates to `size` zero bytes (1 GiB: a zip bomb).
    public static func zipBomb(size: Int = 1 << 30) throws -> [UInt8] {
        try ZipFixture.zeros(named: "word/document.xml", size: size)
    }

    /// A DOCX whose document part declares the billion laughs (nine levels of entities, ten
    /// references each) and uses the last between "before" and "after".
    public static func billionLaughs() throws -> [UInt8] {
        let entities = (1...9).map { level in
            #"<!ENTITY lol\#(level) "\#(String(repeating: "&lol\(level - 1);", count: 10))">"#
        }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY lol0 "lol">\(entities.joined())]>
            <w:document \(WordFixture.namespaces)><w:body><w:p><w:r><w:t>before &lol9; after</w:t></w:r></w:p></w:body></w:document>
            """
        return try ZipFixture.zip([("word/document.xml", document)])
    }

    /// The archive entry `escapingEPUB` names its chapter.
    public static let escapingEntry = "../../evil.xhtml"

    /// An EPUB whose one chapter is the entry `../../evil.xhtml` (the OPF at the archive's top
    /// names it so), its text "Escaped text.".
    public static func escapingEPUB() throws -> [UInt8] {
        let opf = BookFixture.opf(
            title: "Evil", chapters: [.init(part: escapingEntry, id: "evil", body: "")], spine: ["evil"],
            opfPart: "content.opf")
        let container = BookFixture.container.replacingOccurrences(of: "OEBPS/content.opf", with: "content.opf")
        return try ZipFixture.zip([
            ("META-INF/container.xml", container), ("content.opf", opf),
            (escapingEntry, BookFixture.page("<p>Escaped text.</p>")),
        ])
    }

    /// An ODT whose one paragraph holds `depth` nested spans around the word "deep".
    public static func deeplyNested(depth: Int = 10_000) throws -> [UInt8] {
        let body =
            String(repeating: "<text:span>", count: depth) + "deep" + String(repeating: "</text:span>", count: depth)
        return try OpenDocumentFixture.odt(body: "<text:p>\(body)</text:p>")
    }
}
