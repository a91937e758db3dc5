/// The title a zipped document declares in Dublin Core: `dc:title` in DOCX and PPTX
/// `docProps/core.xml`, ODT `meta.xml` and an EPUB's package document.
public enum DublinCoreTitle {
    static let namespace = "http://purl.org/dc/elements/1.1/"

    /// The text of the first `dc:title` in `bytes` (the XML part `part`), white space
    /// collapsed; nil when there is none or it is blank.
    public static func first(in bytes: [UInt8], part: String) throws -> String? {
        var depth = 0
        var text = ""
        var done = false
        try XMLStream.read(bytes, part: part) { event in
            guard !done else { return }
            switch event {
            case .start(let element):
                if depth > 0 || (element.localName == "title" && element.namespace == namespace) { depth += 1 }
            case .end:
                if depth > 0 {
                    depth -= 1
                    done = depth == 0
                }
            case .text(let string):
                if depth > 0 { text += string }
            }
        }
        let title = InlineText.collapsed(text)
        return title.isEmpty ? nil : title
    }
}
