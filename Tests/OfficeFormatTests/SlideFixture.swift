import TestSupport

/// PPTX files the tests write part by part.
enum SlideFixture {
    static let namespaces =
        #"xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" "#
        + #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// A shape: a placeholder of `placeholder` type when given, one `a:p` per paragraph.
    static func shape(_ paragraphs: [String], placeholder: String? = nil) -> String {
        let ph = placeholder.map { #"<p:nvSpPr><p:nvPr><p:ph type="\#($0)"/></p:nvPr></p:nvSpPr>"# } ?? ""
        let body = paragraphs.map { "<a:p><a:r><a:t>\($0)</a:t></a:r></a:p>" }.joined()
        return "<p:sp>\(ph)<p:txBody>\(body)</p:txBody></p:sp>"
    }

    static func slide(_ shapes: String) -> String {
        #"<?xml version="1.0"?><p:sld \#(namespaces)><p:cSld><p:spTree>\#(shapes)</p:spTree></p:cSld></p:sld>"#
    }

    static func relationships(_ targets: [(id: String, type: String, target: String)]) -> String {
        let items = targets.map {
            #"<Relationship Id="\#($0.id)" Type="\#(relationshipType)\#($0.type)" Target="\#($0.target)"/>"#
        }
        return
            #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(items.joined())</Relationships>"#
    }

    /// A presentation of `slides` (file name and XML), listed in `order` (file names); the
    /// notes page "notes1.xml" belongs to the first slide of `order` when `notes` is given.
    static func pptx(slides: [(name: String, xml: String)], order: [String], notes: String? = nil) throws -> [UInt8] {
        let ids = order.enumerated().map { #"<p:sldId id="\#(256 + $0.offset)" r:id="rId\#($0.offset + 1)"/>"# }
        let presentation =
            #"<?xml version="1.0"?><p:presentation \#(namespaces)><p:sldIdLst>\#(ids.joined())</p:sldIdLst></p:presentation>"#
        var entries: [(name: String, text: String)] = [
            ("_rels/.rels", relationships([("rId1", "officeDocument", "ppt/presentation.xml")])),
            ("ppt/presentation.xml", presentation),
            (
                "ppt/_rels/presentation.xml.rels",
                relationships(order.enumerated().map { ("rId\($0.offset + 1)", "slide", "slides/\($0.element)") })
            ),
            ("docProps/core.xml", WordFixture.core(title: "Quarterly review")),
        ]
        entries += slides.map { ("ppt/slides/\($0.name)", $0.xml) }
        if let notes, let first = order.first {
            entries.append(
                ("ppt/slides/_rels/\(first).rels", relationships([("rId9", "notesSlide", "../notesSlides/notes1.xml")]))
            )
            entries.append(("ppt/notesSlides/notes1.xml", notes))
        }
        return try ZipFixture.zip(entries)
    }
}
