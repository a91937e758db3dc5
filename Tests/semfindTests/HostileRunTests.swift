import Foundation
import TestSupport
import Testing

/// Every hostile document of issue 18 in one folder, indexed in one run as a user would: the run
/// completes and exits 2, each file is indexed or fails with its reason, no process of the run is
/// left, and nothing appears in HOME or TMPDIR. (`scripts/hostile-run` does the same run with the
/// default model and measures its peak memory and every path it writes.)
@Suite("Hostile documents in one run")
struct HostileRunTests {
    let root = TestScratch.root.path + "/semfind-hostile-run-\(UUID().uuidString.prefix(8))"

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/corpus/" + name))
    }

    /// The hostile files, with a good one of each format beside them.
    func writeCorpus() throws {
        let locked = SearchSchemaTests.packageRoot.appendingPathComponent(
            "Tests/Fixtures/encrypted-pdfs/user-password.pdf")
        try write("locked.pdf", [UInt8](Data(contentsOf: locked)))
        let report = PDFWriter(title: "Harbour log", pages: [PDFWriter.Page(lines: ["The quay was dredged."])]).bytes()
        try write("good.pdf", report)
        try write("truncated.pdf", Array(report.prefix(report.count / 3)))
        try write("scanned.pdf", PDFWriter(pages: [.imageOnly, .imageOnly]).bytes())
        let folios = (1...2000).map { PDFWriter.Page(lines: ["Folio \($0) of the ledger.", "Entries follow."]) }
        try write("ledger.pdf", PDFWriter(pages: folios).bytes())
        try write("empty.pdf", [])
        try write("bomb.docx", HostileDocuments.zipBomb())
        try write("laughs.docx", HostileDocuments.billionLaughs())
        try write("plain-text.docx", Array("Just some notes, not a document.\n".utf8))
        try write("evil.epub", HostileDocuments.escapingEPUB())
        try write("deep.odt", HostileDocuments.deeplyNested())
        try write("stuck.slow", Array("never read\n".utf8))
        try write("endless.loud", Array("never read either\n".utf8))
        try write("good.docx", WordFixture.docx(body: WordFixture.paragraph("Spring tides reach the quay.")))
        try write("good.odt", OpenDocumentFixture.odt(body: "<text:p>Each buoy is inspected yearly.</text:p>"))
        let chapter = BookFixture.Chapter(
            part: "OEBPS/c1.xhtml", id: "c1", body: BookFixture.page("<p>The keeper trimmed the wick.</p>"))
        try write(
            "good.epub",
            BookFixture.epub(
                title: "Lights", chapters: [chapter], spine: ["c1"],
                navigation: BookFixture.navigation([("c1.xhtml", "Keepers")])))
        try write("notes.md", Array("# Notes\n\nThe survey crew ate rye bread.\n".utf8))
    }

    /// Declared formats that read the private copy: one hangs, one prints without end.
    static let plugins = """
        [[plugin]]
        name = "hang"
        extensions = ["slow"]
        command = ["tail", "-f", "{path}"]
        output = "text"
        timeout = 1

        [[plugin]]
        name = "flood"
        extensions = ["loud"]
        command = ["yes", "{path}"]
        output = "text"
        max_output_mib = 1
        """

    @Test("all of them in one run: it completes with exit 2, every file indexed or failed with its reason")
    func allTogether() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["corpus", "home", "tmp", "index"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try writeCorpus()
        try Data(Self.plugins.utf8).write(to: URL(fileURLWithPath: root + "/plugins.toml"))
        let model = try TinyBertModel()
        defer { model.remove() }
        let mark = RunMark()
        var runner = CommandRunner()
        runner.environment["HOME"] = root + "/home"
        runner.environment["TMPDIR"] = root + "/tmp"
        runner.environment[RunMark.variable] = mark.value

        let run = try runner.run([
            "index", "--json", "--plugins", root + "/plugins.toml", "--index", root + "/index/index.sqlite", "--model",
            model.folder.path, root + "/corpus",
        ])
        #expect(run.status == 2, "\(run.stderr)")
        let events = messages(run.stdout)
        func byFile(_ type: String) -> [String: String] {
            Dictionary(
                events.filter { $0.type == type }.map {
                    (
                        (($0.data["path"] as? String ?? "") as NSString).lastPathComponent,
                        $0.data["message"] as? String ?? ""
                    )
                }, uniquingKeysWith: { first, _ in first })
        }
        #expect(
            byFile("failed") == [
                "locked.pdf": "encrypted PDF needs a password: not read",
                "truncated.pdf": "not a readable PDF (poppler: PDF document is damaged)",
                "empty.pdf": "empty file: not a PDF",
                "bomb.docx":
                    "zip entry word/document.xml inflates to over 100 times its compressed size: refused as a zip bomb",
                "laughs.docx": "word/document.xml is not readable XML: line 1: Detected an entity reference loop",
                "plain-text.docx": "not a zip archive (or a truncated one): missingEndOfCentralDirectoryRecord",
                "deep.odt":
                    "content.xml is not readable XML: line 1: Excessive depth in document: 256 use XML_PARSE_HUGE option",
                "stuck.slow": "hang plugin: command timed out after 1 s",
                "endless.loud": "flood plugin: output passed 1 MiB",
            ])
        #expect(
            byFile("warning") == [
                "scanned.pdf": "no text layer on pages 1–2 (scanned images?): not read, semfind does no OCR"
            ])
        let summary = try #require(events.last { $0.type == "summary" }?.data)
        #expect(
            summary["indexed_by_plugin"] as? [String: Int] == [
                "pdf": 3, "epub": 2, "docx": 1, "odt": 1, "markdown": 1,
            ],
            "the scanned and 2,000-page PDFs, the EPUB whose entry names a way out, and the good files: \(summary)")
        #expect(summary["failed"] as? Int == 9)
        #expect(mark.processes().isEmpty, "left running: \(mark.processes())")
        for folder in ["home", "tmp"] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) == [], "\(folder)")
        }
        let indexFiles = try FileManager.default.contentsOfDirectory(atPath: root + "/index")
        #expect(indexFiles.allSatisfy { $0.hasPrefix("index.sqlite") }, "\(indexFiles)")
    }
}
