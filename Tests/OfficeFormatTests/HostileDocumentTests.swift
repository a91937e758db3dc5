import DOCXFormat
import EPUBFormat
import Foundation
import ODTFormat
import SemfindCore
import TestSupport
import Testing
import ZippedXML

/// Documents built to hurt a parser: each is read or refused with one clear line, never a crash,
/// never an unbounded amount of memory or time.
@Suite struct HostileDocumentTests {
    /// The message of the `.invalidInput` error that `parse` throws.
    func refusal(_ parse: () throws -> ParsedDocument) -> String? {
        do {
            _ = try parse()
            return nil
        } catch let error as SemfindError {
            #expect(error.code == .invalidInput)
            #expect(!error.message.contains("\n"))
            return error.message
        } catch {
            Issue.record("not a SemfindError: \(error)")
            return nil
        }
    }

    /// A DOCX of about 1 MB whose document part inflates to 1 GiB: refused while inflating, as
    /// soon as the part passes 100 times its compressed size, as a zip bomb (the message is the
    /// ratio check's, which runs as the bytes come, not the size limit's after them).
    @Test func zipBombIsRefusedEarly() throws {
        let bomb = try HostileDocuments.zipBomb()
        #expect(bomb.count < 2 << 20)
        let message = refusal { try DOCXFormat().parse(bomb) }
        #expect(
            message
                == "zip entry word/document.xml inflates to over 100 times its compressed size: refused as a zip bomb")
    }

    /// The size limits hold even where the ratio would not catch them.
    @Test func entryAndTotalSizesAreBounded() throws {
        let archive = try ZipFixture.zip([("a.xml", String(repeating: "x", count: 3000)), ("b.xml", "<b/>")])
        let small = try ZipPackage(archive, limits: ZipLimits(maxEntrySize: 2000))
        #expect(throws: SemfindError.self) { try small.read("a.xml") }
        let total = try ZipPackage(archive, limits: ZipLimits(maxTotalSize: 3001))
        #expect(try total.read("a.xml")?.count == 3000)
        #expect(throws: SemfindError.self) { try total.read("b.xml") }
        #expect(throws: SemfindError.self) { try ZipPackage(archive, limits: ZipLimits(maxEntries: 1)) }
    }

    /// Entities are never expanded: the billion laughs yield no text, or an error; never 3 GB.
    @Test func billionLaughsDoNotExpand() throws {
        let bytes = try HostileDocuments.billionLaughs()
        do {
            let parsed = try DOCXFormat().parse(bytes)
            #expect(parsed.sections.map(\.text).joined().utf8.count < 100)
        } catch let error as SemfindError {
            #expect(error.code == .invalidInput)
        }
    }

    /// A file named .docx that holds plain text is refused as not being a zip archive.
    @Test func plainTextNamedDocx() {
        let message = refusal { try DOCXFormat().parse(Array("Just some notes, not a document.\n".utf8)) }
        #expect(message?.hasPrefix("not a zip archive") == true)
    }

    /// A DOCX cut short anywhere is refused, or read as far as it is whole; never a crash.
    @Test func truncatedZip() throws {
        let whole = try WordFixture.docx(body: WordFixture.paragraph("Whole text."), title: "T")
        for length in stride(from: 0, to: whole.count, by: max(1, whole.count / 40)) {
            _ = refusal { try DOCXFormat().parse(Array(whole.prefix(length))) }
        }
        let message = refusal { try DOCXFormat().parse(Array(whole.prefix(whole.count - 30))) }
        #expect(message?.hasPrefix("not a zip archive") == true)
    }

    /// An EPUB whose chapter entry is named `../../evil.xhtml`: the name is only looked up (the
    /// plugins have no way to write), so the chapter is read like any other.
    @Test func entryNamedOutsideTheArchive() throws {
        let bytes = try HostileDocuments.escapingEPUB()
        #expect(try ZipPackage(bytes).contains("../../evil.xhtml"))
        #expect(try !ZipPackage(bytes).contains("evil.xhtml"))
        #expect(try EPUBFormat().parse(bytes).sections.map(\.text) == ["Escaped text."])
    }

    /// An ODT with 10,000 nested elements: libxml2's depth limit stops the read with one line;
    /// no recursion, no crash.
    @Test func deepNesting() throws {
        let message = refusal { try ODTFormat().parse(HostileDocuments.deeplyNested()) }
        #expect(message?.hasPrefix("content.xml is not readable XML: line 1: Excessive depth") == true)
    }
}
