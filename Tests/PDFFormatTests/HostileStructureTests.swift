import PDFFormat
import TestSupport
import Testing

/// PDFs whose structure loops: poppler's reading must end, with what it could read.
@Suite("PDFs with looping structures")
struct HostileStructureTests {
    static let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    static let content = "BT /F1 12 Tf 72 700 Td (Loop test words) Tj ET"
    static let stream = "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    static let page =
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    /// Objects 2–5: the page tree, the font, the content stream and the one page.
    static let onePage = ["<< /Type /Pages /Kids [5 0 R] /Count 1 >>", font, stream, page]

    /// A PDF of these objects (numbered from 1; object 1 is the catalog) with a correct xref table.
    static func pdf(_ objects: [String]) -> [UInt8] { PDFWriter.serialize(objects, root: 1) }

    @Test("outline entries whose /Next or /First lead back to themselves are read once")
    func outlineCycles() throws {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>"
        let nextCycle = Self.pdf(
            [catalog] + Self.onePage + [
                "<< /Type /Outlines /First 7 0 R /Last 8 0 R /Count 2 >>",
                "<< /Title (A) /Parent 6 0 R /Next 8 0 R /Dest [5 0 R /Fit] >>",
                "<< /Title (B) /Parent 6 0 R /Next 7 0 R /Prev 7 0 R /Dest [5 0 R /Fit] >>",
            ])
        #expect(try PDFFormat().parse(nextCycle).sections.map(\.headingPath) == [["B"]])
        let childCycle = Self.pdf(
            [catalog] + Self.onePage + [
                "<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
                "<< /Title (A) /Parent 6 0 R /First 7 0 R /Last 7 0 R /Count 1 /Dest [5 0 R /Fit] >>",
            ])
        #expect(try PDFFormat().parse(childCycle).sections.map(\.text) == ["Loop test words"])
    }

    @Test("a page tree that contains itself yields a warning, not a hang")
    func pageTreeLoops() throws {
        let catalog = "<< /Type /Catalog /Pages 2 0 R >>"
        let loop = Self.pdf([catalog, "<< /Type /Pages /Kids [5 0 R 2 0 R] /Count 2000000000 >>"] + Self.onePage[1...])
        #expect(
            try PDFFormat().parse(loop).warnings == ["poppler found no pages (a damaged page tree?): no text read"])
        let selfKid = Self.pdf([catalog, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"] + Self.onePage[1...])
        #expect(try PDFFormat().parse(selfKid).warnings == ["poppler could not read page 1: skipped"])
    }
}
