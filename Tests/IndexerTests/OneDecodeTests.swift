import FileWalk
import SemfindCore
import Synchronization
import Testing

@testable import Indexer

/// A text file is decoded once: the preparer's `DecodedText` reaches the plugin, which parses
/// its lines, and the chunker, which takes the pieces' byte ranges from the same lines.
@Suite("One decode per file")
struct OneDecodeTests {
    /// What a plugin was handed: `nil` when it had to parse the bytes alone.
    final class Calls: Sendable {
        let decoded = Mutex<[[DecodedText.Line]?]>([])
    }

    /// Makes one section of every line; records what each parse was given.
    struct RecordingFormat: FormatPlugin {
        let name = "recording"
        let version = 1
        let mimeTypes: Set<String> = []
        let extensions: Set<String> = ["rec"]
        let readsBinary: Bool
        let calls: Calls

        func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
            try parse(bytes, decoded: nil)
        }

        func parse(_ bytes: [UInt8], decoded: DecodedText?) throws -> ParsedDocument {
            calls.decoded.withLock { $0.append(decoded?.lines) }
            let lines = (decoded ?? DecodedText(bytes)).lines
            return ParsedDocument(
                sections: lines.map { line in
                    let span = SourceSpan(firstLine: line.number, lastLine: line.number, bytes: line.bytes)
                    return Section(text: line.text, headingPath: [], span: span, kind: .prose)
                })
        }
    }

    func prepare(_ text: String, readsBinary: Bool) -> (PreparedFile, [[DecodedText.Line]?]) {
        let calls = Calls()
        let preparer = FilePreparer(
            registry: FormatRegistry([RecordingFormat(readsBinary: readsBinary, calls: calls)]),
            chunker: Chunker(options: ChunkerOptions()) { $0.split(separator: " ").count }, rechunkAll: false)
        let content = Array(text.utf8)
        let file = WalkedFile(
            root: "/r", path: "/r/a.rec", relativePath: "a.rec", size: content.count, modified: 1,
            mimeType: readsBinary ? "application/octet-stream" : "text/plain",
            charset: readsBinary ? "binary" : "utf-8", content: content)
        let prepared = preparer.prepare(file, previous: nil, parser: InProcessParser())
        return (prepared, calls.decoded.withLock { $0 })
    }

    @Test("a text plugin is parsed once, from the lines the preparer decoded")
    func textPluginGetsDecodedLines() throws {
        let text = "first line\r\nsecond line\n"
        let (prepared, calls) = prepare(text, readsBinary: false)
        #expect(calls.count == 1)
        #expect(calls.first.flatMap { $0 } == DecodedText(Array(text.utf8)).lines)
        guard case .parsed(let parsed) = prepared else {
            Issue.record("not parsed: \(prepared)")
            return
        }
        #expect(parsed.chunks.map(\.span.bytes) == [0..<23])
    }

    @Test("a binary plugin gets its bytes alone: they are not decoded as text")
    func binaryPluginGetsBytesOnly() {
        let (_, calls) = prepare("\u{0}\u{1}binary", readsBinary: true)
        #expect(calls.count == 1)
        #expect(calls.first == .some(nil))
    }
}
