import Foundation
import TestSupport
import Testing

/// `semfind index` on a folder of office documents and e-books, as a user runs it.
@Suite("Office documents and e-books, end to end")
struct OfficeFormatsCommandTests {
    /// A zip archive of `entries` (name and text), in order, the `mimetype` entry stored.
    func zip(_ entries: [(String, String)]) throws -> Data {
        Data(try ZipFixture.zip(entries.map { (name: $0.0, text: $0.1) }, stored: ["mimetype"]))
    }

    func docx() throws -> Data {
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        let heading = #"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Restoring backups</w:t></w:r></w:p>"#
        let paragraph = "<w:p><w:r><w:t>Mount the tape archive and run the restore wizard.</w:t></w:r></w:p>"
        return try zip([
            ("word/document.xml", "<w:document \(w)><w:body>\(heading)\(paragraph)</w:body></w:document>")
        ])
    }

    func epub() throws -> Data {
        try zip([
            ("mimetype", "application/epub+zip"),
            (
                "META-INF/container.xml",
                #"<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="book.opf"/></rootfiles></container>"#
            ),
            (
                "book.opf",
                #"<package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Coastal Lights</dc:title></metadata><manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>"#
            ),
            (
                "c1.xhtml",
                #"<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Keepers</h1><p>The lighthouse keeper trimmed the lamp wick nightly.</p></body></html>"#
            ),
        ])
    }

    @Test("a DOCX and an EPUB are indexed and found; a .docx of plain text fails alone, with its reason")
    func officeDocumentsAreSearchable() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        let root = TestScratch.root.appendingPathComponent("semfind-office-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try docx().write(to: corpus.appendingPathComponent("guide.docx"))
        try epub().write(to: corpus.appendingPathComponent("lights.epub"))
        try Data("just notes, not a document\n".utf8).write(to: corpus.appendingPathComponent("notes.docx"))
        let index = root.appendingPathComponent("index.sqlite").path

        let runner = CommandRunner()
        let indexed = try runner.run(["index", "--index", index, "--model", model.folder.path, "--json", corpus.path])
        let messages = indexed.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(indexed.status == 2, "one file failed: \(indexed.stderr)")
        let failed = messages.filter { $0["type"] as? String == "failed" }.compactMap { $0["data"] as? [String: Any] }
        #expect(failed.count == 1)
        #expect((failed.first?["path"] as? String)?.hasSuffix("notes.docx") == true)
        #expect((failed.first?["message"] as? String)?.hasPrefix("not a zip archive") == true)
        let summary = try #require(messages.last { $0["type"] as? String == "summary" }?["data"] as? [String: Any])
        #expect(summary["indexed"] as? Int == 2)

        for (query, file, headingPath) in [
            ("restore wizard tape archive", "guide.docx", ["Restoring backups"]),
            ("lighthouse keeper lamp wick", "lights.epub", ["Coastal Lights", "Keepers"]),
        ] {
            let search = try runner.run([
                "search", "--index", index, "--model", model.folder.path, query, "--json", "-k", "1",
            ])
            #expect(search.status == 0, "\(search.stderr)")
            let hit =
                search.stdout.split(separator: "\n").compactMap {
                    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                }.first { $0["type"] as? String == "result" }?["data"] as? [String: Any]
            #expect((hit?["path"] as? String)?.hasSuffix(file) == true, "\(query): \(search.stdout)")
            #expect(hit?["heading_path"] as? [String] == headingPath)
            #expect(hit?["first_line"] as? Int == 2)
        }
    }
}
