import Foundation
import PDFFormat
import SemfindCore
import TestSupport
import Testing

@Suite("PDF format")
struct PDFFormatTests {
    let plugin = PDFFormat()

    @Test("each page's text in reading order, lines counted within the page, pages as spans")
    func pagesAndLines() throws {
        let pdf = PDFWriter(pages: [
            PDFWriter.Page(lines: ["Herons wade in shallow water.", "They stand still for a long time."]),
            PDFWriter.Page(lines: ["Kingfishers dive from a perch."]),
        ])
        let document = try plugin.parse(pdf.bytes())
        #expect(document.title == nil)
        #expect(document.warnings.isEmpty)
        #expect(
            document.sections == [
                Section(
                    text: "Herons wade in shallow water.\nThey stand still for a long time.", headingPath: [],
                    span: SourceSpan(firstLine: 1, lastLine: 2, bytes: 0..<0, pages: 1...1)),
                Section(
                    text: "Kingfishers dive from a perch.", headingPath: [],
                    span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<0, pages: 2...2)),
            ])
    }

    @Test("the title from the document's metadata is the heading path when there is no outline")
    func titleWithoutOutline() throws {
        let pdf = PDFWriter(title: "Field Notes", pages: [PDFWriter.Page(lines: ["A page of notes."])])
        let document = try plugin.parse(pdf.bytes())
        #expect(document.title == "Field Notes")
        #expect(document.sections.map(\.headingPath) == [["Field Notes"]])
    }

    @Test("outline entries head the pages they point into, split where an entry points mid-page")
    func outlineHeadings() throws {
        let pdf = PDFWriter(
            title: "Birds of the Marsh",
            pages: [
                PDFWriter.Page(lines: ["Before any chapter: a dedication."]),
                PDFWriter.Page(lines: ["Herons", "Herons wade.", "Bitterns", "Bitterns boom at dusk."]),
                PDFWriter.Page(lines: ["Bitterns hide in reeds."]),
                PDFWriter.Page(lines: ["Rails", "Rails run."]),
            ],
            outline: [
                .init(
                    "Wading birds", page: 2,
                    children: [.init("Herons", page: 2, line: 1), .init("Bitterns", page: 2, line: 3)]),
                .init("Rails", page: 4),
            ])
        let sections = try plugin.parse(pdf.bytes()).sections
        let placed = sections.map { ($0.headingPath.joined(separator: " > "), $0.span.pages, $0.span.firstLine) }
        #expect(
            placed.map(\.0) == [
                "Birds of the Marsh",
                "Birds of the Marsh > Wading birds > Herons",
                "Birds of the Marsh > Wading birds > Bitterns",
                "Birds of the Marsh > Wading birds > Bitterns",
                "Birds of the Marsh > Rails",
            ])
        #expect(placed.map(\.1) == [1...1, 2...2, 2...2, 3...3, 4...4])
        #expect(placed.map(\.2) == [1, 1, 3, 1, 1])
        #expect(sections[2].text == "Bitterns\nBitterns boom at dusk.")
    }

    @Test("bookmarks that point through named destinations head their pages too")
    func namedDestinations() throws {
        var pdf = PDFWriter(
            pages: [
                PDFWriter.Page(lines: ["Opening words."]), PDFWriter.Page(lines: ["Herons", "Herons wade."]),
            ],
            outline: [.init("Opening", page: 1), .init("Herons", page: 2, line: 1)])
        pdf.namedDestinations = true
        let sections = try plugin.parse(pdf.bytes()).sections
        #expect(sections.map(\.headingPath) == [["Opening"], ["Herons"]])
    }

    @Test("an outline nested 200 deep is read down to 64 levels, never overflowing the stack")
    func deepOutline() throws {
        var bookmark = PDFWriter.Bookmark("Level 200", page: 1)
        for level in stride(from: 199, through: 1, by: -1) {
            bookmark = PDFWriter.Bookmark("Level \(level)", page: 1, children: [bookmark])
        }
        let pdf = PDFWriter(pages: [PDFWriter.Page(lines: ["Deep down."])], outline: [bookmark])
        let sections = try plugin.parse(pdf.bytes()).sections
        #expect(sections.map(\.headingPath) == [(1...64).map { "Level \($0)" }])
    }

    @Test("a page without text is named in a warning, and the others are read")
    func imageOnlyPage() throws {
        let pdf = PDFWriter(pages: [
            PDFWriter.Page(lines: ["A page with words."]), .imageOnly, .imageOnly,
            PDFWriter.Page(lines: ["Words again."]), .imageOnly,
        ])
        let document = try plugin.parse(pdf.bytes())
        #expect(document.sections.map(\.span.pages) == [1...1, 4...4])
        #expect(document.warnings == ["no text layer on pages 2–3, 5 (scanned images?): not read, semfind does no OCR"])
    }

    @Test("a PDF encrypted with only an owner password is read")
    func ownerPasswordOnly() throws {
        let document = try plugin.parse(Self.fixture("owner-password-only.pdf"))
        #expect(document.title == "Permissions Only")
        #expect(
            document.sections.map(\.text) == [
                "Anyone may read this page of the permissions test.",
                "Printing and copying are what the owner password restricts.",
            ])
    }

    @Test("a PDF that needs a user password fails with that reason")
    func userPassword() throws {
        let error = try #require(throws: SemfindError.self) { try plugin.parse(Self.fixture("user-password.pdf")) }
        #expect(error.code == .invalidInput)
        #expect(error.message == "encrypted PDF needs a password: not read")
    }

    @Test("empty, truncated and non-PDF bytes fail with a clear reason, never a crash")
    func unreadableBytes() throws {
        let whole = PDFWriter(title: "Whole", pages: [PDFWriter.Page(lines: ["Some text."])]).bytes()
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], "empty file: not a PDF"),
            ("header only", Array(whole.prefix(16)), "not a readable PDF (poppler: PDF document is damaged)"),
            ("half", Array(whole.prefix(whole.count / 2)), "not a readable PDF (poppler: PDF document is damaged)"),
            ("text", Array("plain words, not a PDF\n".utf8), "not a readable PDF (poppler: PDF document is damaged)"),
        ]
        for (name, bytes, message) in cases {
            let error = try #require(throws: SemfindError.self, "\(name)") { try plugin.parse(bytes) }
            #expect(error.code == .invalidInput, "\(name)")
            #expect(error.message == message, "\(name)")
        }
    }

    @Test("bytes damaged throughout yield what poppler recovers and warnings, never a crash")
    func damagedBytes() throws {
        var bytes = PDFWriter(pages: (1...6).map { PDFWriter.Page(lines: ["Page \($0) words."]) }).bytes()
        for index in stride(from: 40, to: bytes.count, by: 23) { bytes[index] = UInt8(ascii: "(") }
        if let document = try? plugin.parse(bytes) {
            #expect(document.sections.count <= 6)
        }
    }

    @Test("2,000 pages: every page read, under its outline entry")
    func twoThousandPages() throws {
        let pages = (1...2000).map { PDFWriter.Page(lines: ["Page \($0) opens here.", "It closes here."]) }
        let outline = stride(from: 1, through: 2000, by: 100).map {
            PDFWriter.Bookmark("Part \($0 / 100 + 1)", page: $0)
        }
        let document = try plugin.parse(PDFWriter(title: "Long", pages: pages, outline: outline).bytes())
        #expect(document.sections.count == 2000)
        #expect(document.sections[1999].text == "Page 2000 opens here.\nIt closes here.")
        #expect(document.sections[1999].headingPath == ["Long", "Part 20"])
        #expect(document.sections[99].headingPath == ["Long", "Part 1"])
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try [UInt8](Data(contentsOf: folder.appendingPathComponent("Fixtures/encrypted-pdfs/" + name)))
    }
}

@Suite("PDF text repair")
struct PageTextTests {
    @Test("runs of text that stand apart on one line are kept apart, as pdftotext keeps them")
    func separatedRuns() throws {
        let lines = [
            "The valid format sequences for files, a long line of text to read:",
            "%a\tpermission bits in octal (note flags)", "%A\tpermission bits and file type in human readable form",
            "After the list comes another long line of ordinary text.",
        ]
        let document = try PDFFormat().parse(PDFWriter(pages: [PDFWriter.Page(lines: lines)]).bytes())
        #expect(
            document.sections.map(\.text) == [lines.joined(separator: "\n").replacingOccurrences(of: "\t", with: " ")])
    }
}
