import TestSupport

/// DOCX files the tests write part by part.
public enum WordFixture {
    public static let namespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#
        + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    /// A paragraph of one run, with a style when given.
    public static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { #"<w:pPr><w:pStyle w:val="\#($0)"/></w:pPr>"# } ?? ""
        return #"<w:p>\#(properties)<w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"#
    }

    /// A table of rows of cells, each cell one paragraph.
    public static func table(_ rows: [[String]]) -> String {
        let body = rows.map { row in "<w:tr>" + row.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>" }
        return "<w:tbl>" + body.joined() + "</w:tbl>"
    }

    public static func document(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(namespaces)><w:body>\#(body)</w:body></w:document>"#
    }

    /// Paragraph styles: "Heading1"…"Heading3" named as Word names them, "SourceCode" named
    /// as pandoc names it, and "Chapter" with an outline level of its own (level 1).
    public static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:styles \(namespaces)>
        <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/></w:style>
        <w:style w:type="paragraph" w:styleId="SourceCode"><w:name w:val="Source Code"/></w:style>
        <w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        </w:styles>
        """

    public static func core(title: String) -> String {
        #"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\#(title)</dc:title></cp:coreProperties>"#
    }

    public static func footnotes(_ notes: [String]) -> String {
        let separator = #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#
        let bodies = notes.enumerated().map {
            #"<w:footnote w:id="\#($0.offset + 1)">\#(paragraph($0.element))</w:footnote>"#
        }
        return #"<?xml version="1.0"?><w:footnotes \#(namespaces)>\#(separator)\#(bodies.joined())</w:footnotes>"#
    }

    /// Numbering 1: bullets, numbered at level 1; numbering 2: decimal, then lower letters.
    public static let numbering = """
        <?xml version="1.0"?><w:numbering \(namespaces)>
        <w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
        </w:numbering>
        """

    /// A list item of numbering `id` at `level`.
    public static func item(_ text: String, numbering id: Int, level: Int = 0) -> String {
        let properties = #"<w:pPr><w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#(id)"/></w:numPr></w:pPr>"#
        return #"<w:p>\#(properties)<w:r><w:t>\#(text)</w:t></w:r></w:p>"#
    }

    public static let packageRelationships = """
        <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
        </Relationships>
        """

    public static let documentRelationships = """
        <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
        </Relationships>
        """

    public static let contentTypes = """
        <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
        </Types>
        """

    /// A whole DOCX: `body` (the inside of `w:body`) with styles, a title and footnotes.
    public static func docx(body: String, title: String? = nil, footnotes: [String] = []) throws -> [UInt8] {
        var entries: [(name: String, text: String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("word/document.xml", document(body)), ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", styles), ("word/numbering.xml", numbering),
        ]
        if let title { entries.append(("docProps/core.xml", core(title: title))) }
        if !footnotes.isEmpty { entries.append(("word/footnotes.xml", self.footnotes(footnotes))) }
        return try ZipFixture.zip(entries)
    }
}
