import DOCXFormat
import TestSupport
import Testing
import ZippedXML

/// A document's properties: its title, and its description and keywords as one line, whichever
/// of the three dialects says them.
@Suite struct DocumentPropertiesTests {
    let dc = #"xmlns:dc="http://purl.org/dc/elements/1.1/""#

    @Test func officeCoreProperties() throws {
        let xml = """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \(dc)>\
            <dc:title> Attach  guide </dc:title><dc:description>Attach to a container</dc:description>\
            <cp:keywords>attach, container</cp:keywords></cp:coreProperties>
            """
        let properties = try DocumentProperties(Array(xml.utf8), part: "docProps/core.xml")
        #expect(properties.title == "Attach guide")
        #expect(properties.about == "Attach to a container. attach, container")
    }

    @Test func openDocumentMetaAndPackageDocument() throws {
        let meta = """
            <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \(dc)><office:meta>\
            <meta:keyword>tide</meta:keyword><meta:keyword>moon</meta:keyword></office:meta></office:document-meta>
            """
        let odt = try DocumentProperties(Array(meta.utf8), part: "meta.xml")
        #expect(odt.title == nil)
        #expect(odt.about == "tide, moon")

        let opf = """
            <package xmlns="http://www.idpf.org/2007/opf"><metadata \(dc)><dc:title>Sea</dc:title>\
            <dc:description>Stories of the sea.</dc:description><dc:subject>fiction</dc:subject></metadata></package>
            """
        let epub = try DocumentProperties(Array(opf.utf8), part: "content.opf")
        #expect(epub.title == "Sea")
        #expect(epub.about == "Stories of the sea. fiction")
    }

    /// The description and keywords are the document's first section, under its title.
    @Test func aboutLineIsTheFirstSection() throws {
        let core = """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \(dc)>\
            <dc:title>Guide</dc:title><dc:description>How to attach</dc:description></cp:coreProperties>
            """
        let bytes = try ZipFixture.zip([
            ("word/document.xml", WordFixture.document(WordFixture.paragraph("Body."))), ("docProps/core.xml", core),
        ])
        let sections = try DOCXFormat().parse(bytes).sections
        #expect(sections.map(\.text) == ["How to attach", "Body."])
        #expect(sections.map(\.headingPath) == [["Guide"], ["Guide"]])
    }
}
