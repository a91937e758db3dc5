import FileWalk
import SemfindCore
import Testing

@testable import Indexer

/// A binary format's spans count lines of the text its plugin extracted: the chunks of a cut
/// section keep those lines and never take byte ranges from the file's own (meaningless) lines.
@Suite("Binary formats' spans")
struct BinaryFormatSpanTests {
    /// Extracts a table of six rows, lines 3–8 and bytes 20..<80 of its extracted text.
    struct ZippedStandIn: FormatPlugin {
        let name = "zipped-stand-in"
        let version = 1
        let mimeTypes: Set<String> = ["application/zip"]
        let extensions: Set<String> = ["zipped"]
        let readsBinary = true
        func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
            let rows = (1...6).map { "row \($0) has five words" }
            let span = SourceSpan(firstLine: 3, lastLine: 8, bytes: 20..<80)
            return ParsedDocument(sections: [
                Section(text: rows.joined(separator: "\n"), headingPath: [], span: span, kind: .table)
            ])
        }
    }

    @Test("a cut section of a binary format keeps its extracted lines and its section's bytes")
    func cutSectionKeepsExtractedLines() throws {
        let chunker = Chunker(options: ChunkerOptions(budget: 10, overlap: 0)) { text in
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        }
        let preparer = FilePreparer(
            registry: FormatRegistry([ZippedStandIn()]), chunker: chunker, rechunkAll: false)
        let content = Array(repeating: [UInt8](arrayLiteral: 0x50, 0x4B, 0x00, 0x0A), count: 40).flatMap { $0 }
        let file = WalkedFile(
            root: "/r", path: "/r/a.zipped", relativePath: "a.zipped", size: content.count, modified: 1,
            mimeType: "application/zip", charset: "binary", content: content)
        guard case .parsed(let parsed) = preparer.prepare(file, previous: nil, parser: InProcessParser()) else {
            Issue.record("not parsed")
            return
        }
        let spans = parsed.chunks.map(\.span)
        #expect(spans.map(\.firstLine) == [3, 5, 7])
        #expect(spans.map(\.lastLine) == [4, 6, 8])
        #expect(spans.allSatisfy { $0.bytes == 20..<80 })
    }
}
