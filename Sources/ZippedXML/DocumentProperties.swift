/// What a zipped document says of itself in its properties (DOCX and PPTX `docProps/core.xml`,
/// ODT `meta.xml`, an EPUB's package document): its title, and the description and keywords its
/// author gave, which say what the document is about as a markdown page's front matter does.
public struct DocumentProperties: Sendable, Equatable {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    /// The first `dc:title`, white space collapsed; nil when absent or blank.
    public private(set) var title: String?
    /// The first `dc:description`, then the keywords (`dc:subject`, OOXML's `cp:keywords`,
    /// ODF's `meta:keyword`) joined by ", ", as one line: a full stop between the two unless the
    /// description ends a sentence already; nil when neither.
    public private(set) var about: String?

    /// None: a document without a properties part.
    public init() {}

    /// The properties in `bytes`, the XML part `part`.
    public init(_ bytes: [UInt8], part: String) throws {
        var titles: [String] = []
        var descriptions: [String] = []
        var keywords: [String] = []
        var field: String?
        var depth = 0
        var text = ""
        try XMLStream.read(bytes, part: part) { event in
            switch event {
            case .start(let element):
                if depth > 0 {
                    depth += 1
                } else if Self.isField(element) {
                    field = element.localName
                    depth = 1
                    text = ""
                }
            case .end:
                guard depth > 0 else { return }
                depth -= 1
                guard depth == 0, let name = field else { return }
                let value = InlineText.collapsed(text)
                guard !value.isEmpty else { return }
                switch name {
                case "title": titles.append(value)
                case "description": descriptions.append(value)
                default: keywords.append(value)
                }
            case .text(let string):
                if depth > 0 { text += string }
            }
        }
        title = titles.first
        let listed = keywords.isEmpty ? nil : keywords.joined(separator: ", ")
        switch (descriptions.first, listed) {
        case (let description?, let listed?):
            // A description that ends a sentence already needs no full stop before the keywords.
            about = description + (".!?".contains(description.last ?? " ") ? " " : ". ") + listed
        case (let description, let listed): about = description ?? listed
        }
    }

    private static func isField(_ element: XMLElementStart) -> Bool {
        switch element.localName {
        case "title", "description", "subject": element.namespace == dublinCore
        case "keywords", "keyword": true
        default: false
        }
    }
}
