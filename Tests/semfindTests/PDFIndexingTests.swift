import ChildProcess
import Foundation
import TestSupport
import Testing

/// PDFs end to end: pages and outline in what a search returns (`p5-6` for people,
/// `page_start`/`page_end` in JSON), and the reason for each PDF that cannot be read. Uses the
/// tiny test model and keyword searches, which name their passages whatever the model.
@Suite("PDF indexing and search, end to end")
struct PDFIndexingTests {
    let folder = TestScratch.root.path + "/semfind-pdf-\(UUID().uuidString)"
    var corpus: String { folder + "/corpus" }

    static let report = PDFWriter(
        title: "Harbour Report",
        pages: [
            PDFWriter.Page(lines: ["Introduction to the harbour survey.", "It covers tides and moorings."]),
            PDFWriter.Page(lines: ["Tides", "Spring tides reach four metres at the quay."]),
            PDFWriter.Page(lines: ["Moorings", "Each mooring buoy is inspected yearly by divers."]),
            .imageOnly,
            PDFWriter.Page(lines: ["Appendix", "Sourdough bread fed the survey crew every morning."]),
            PDFWriter.Page(lines: ["The crew ate rye loaves on Sundays."]),
        ],
        outline: [
            .init("Tides", page: 2, line: 1), .init("Moorings", page: 3, line: 1), .init("Appendix", page: 5),
        ])

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: corpus + "/" + name))
    }

    @Test("pages and outline reach the results; locked, empty and truncated PDFs fail with their reasons")
    func indexAndSearch() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try TinyBertModel()
        defer { model.remove() }
        let report = Self.report.bytes()
        try write("report.pdf", report)
        try write("truncated.pdf", Array(report.prefix(report.count / 3)))
        try write("empty.pdf", [])
        let fixtures = SearchSchemaTests.packageRoot.appendingPathComponent("Tests/Fixtures/encrypted-pdfs")
        try write("locked.pdf", [UInt8](Data(contentsOf: fixtures.appendingPathComponent("user-password.pdf"))))
        try write("notes.md", Array("# Notes\n\nNothing about harbours.\n".utf8))
        let runner = CommandRunner()
        let index = ["--index", folder + "/index.sqlite", "--model", model.folder.path]

        let indexed = try runner.run(["index", "--json"] + index + [corpus])
        #expect(indexed.status == 2, "a file failed: \(indexed.stderr)")
        let events = messages(indexed.stdout)
        let failures = Dictionary(
            events.filter { $0.type == "failed" }.map {
                ((($0.data["path"] as? String ?? "") as NSString).lastPathComponent, $0.data["message"] as? String)
            }, uniquingKeysWith: { first, _ in first })
        #expect(
            failures == [
                "locked.pdf": "encrypted PDF needs a password: not read", "empty.pdf": "empty file: not a PDF",
                "truncated.pdf": "not a readable PDF (poppler: PDF document is damaged)",
            ])
        let warnings = events.filter { $0.type == "warning" }.map { $0.data["message"] as? String }
        #expect(warnings == ["no text layer on page 4 (scanned images?): not read, semfind does no OCR"])
        let summary = try #require(events.last { $0.type == "summary" }?.data)
        #expect(summary["indexed"] as? Int == 2 && summary["failed"] as? Int == 3, "\(summary)")

        let search = ["search", "--mode", "keyword", "--no-session"] + index
        let json = try runner.run(search + ["--json", "sourdough"])
        #expect(json.status == 0, "\(json.stderr)")
        let validator = try SearchSchemaTests.validator()
        for line in json.stdoutLines { #expect(validator.errors(in: line).isEmpty, "\(line)") }
        let found = try #require(messages(json.stdout).first { $0.type == "result" }?.data)
        #expect(found["format"] as? String == "pdf")
        #expect(found["page_start"] as? Int == 5 && found["page_end"] as? Int == 6, "over the page break: \(found)")
        #expect(found["first_line"] as? Int == 1 && found["last_line"] as? Int == 1)
        #expect(found["heading_path"] as? [String] == ["Harbour Report", "Appendix"])
        #expect((found["text"] as? String)?.contains("rye loaves") == true)

        let human = try runner.run(search + ["moorings buoy", "--context-lines", "2"])
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdoutLines.contains(corpus + "/report.pdf"), "\(human.stdout)")
        #expect(human.stdoutLines.contains { $0.hasPrefix("p3  Harbour Report › Moorings  ") }, "\(human.stdout)")
        #expect(!human.stdout.contains("%PDF"), "no lines of the PDF's bytes as context")

        let vimgrep = try runner.run(search + ["--vimgrep", "divers"])
        #expect(vimgrep.stdoutLines.first?.hasPrefix(corpus + "/report.pdf:1:1:") == true, "\(vimgrep.stdout)")
    }

    @Test("a 2,000-page PDF indexes whole, each page findable, within 500 MB")
    func twoThousandPages() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try TinyBertModel()
        defer { model.remove() }
        let pages = (1...2000).map { PDFWriter.Page(lines: ["Folio\($0) of the ledger.", "Entries follow."]) }
        let outline = stride(from: 1, through: 2000, by: 250).map {
            PDFWriter.Bookmark("Book \($0 / 250 + 1)", page: $0)
        }
        try write("ledger.pdf", PDFWriter(title: "Ledger", pages: pages, outline: outline).bytes())
        let runner = CommandRunner()
        let index = ["--index", folder + "/index.sqlite", "--model", model.folder.path]

        // Run apart from CommandRunner for its own peak RSS (with its parse worker's, which
        // it waited for), not that of whatever else the test process ran.
        let indexed = try ChildProcess.run(
            executable: CommandRunner.binary.path, arguments: ["index", "--json"] + index + [corpus],
            environment: runner.environment, deadline: .now + .seconds(600), outputLimit: 64 << 20)
        let stdout = String(decoding: indexed.output, as: UTF8.self)
        #expect(indexed.termination.cause == .exited(0), "\(String(decoding: indexed.errorTail, as: UTF8.self))")
        let summary = try #require(messages(stdout).last { $0.type == "summary" }?.data)
        #expect(summary["indexed"] as? Int == 1 && summary["failed"] as? Int == 0)
        #expect(indexed.termination.peakMemory < 500 << 20, "the index run's peak RSS")

        let search = try runner.run(["search", "--mode", "keyword", "--no-session", "--json"] + index + ["folio1999"])
        let found = try #require(messages(search.stdout).first { $0.type == "result" }?.data)
        #expect((found["page_start"] as? Int ?? 0) <= 1999 && (found["page_end"] as? Int ?? 0) >= 1999, "\(found)")
        #expect(found["heading_path"] as? [String] == ["Ledger", "Book 8"])
    }
}
