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
        let encodings = Mutex<[TextEncoding?]>([])
    }

    /// Makes one section of every line; records what each parse was given.
    struct RecordingFormat: FormatPlugin {
        let name = "recording"
        let version = 1
        let mimeTypes: Set<String> = []
        let extensions: Set<String> = ["rec"]
        let readsBinary: Bool
        let calls: Calls
        /// The charset its files declare, as HTML's `<meta charset>` does.
        var declared: String? = nil

        func declaredCharset(in bytes: [UInt8]) -> String? { declared }

        func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
            try parse(bytes, decoded: nil)
        }

        func parse(_ bytes: [UInt8], decoded: DecodedText?) throws -> ParsedDocument {
            calls.decoded.withLock { $0.append(decoded?.lines) }
            calls.encodings.withLock { $0.append(decoded?.charset.encoding) }
            let lines = (decoded ?? DecodedText(bytes)).lines
            return ParsedDocument(
                sections: lines.map { line in
                    let span = SourceSpan(firstLine: line.number, lastLine: line.number, bytes: line.bytes)
                    return Section(text: line.text, headingPath: [], span: span, kind: .prose)
                })
        }
    }

    func prepare(
        _ text: String, readsBinary: Bool, declared: String? = nil, calls: Calls = Calls()
    ) -> (PreparedFile, [[DecodedText.Line]?]) {
        let preparer = FilePreparer(
            registry: FormatRegistry([RecordingFormat(readsBinary: readsBinary, calls: calls, declared: declared)]),
            chunker: Chunker(options: ChunkerOptions()) { $0.split(separator: " ").count }, rechunkAll: false)
        let content = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
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

    @Test("a text file is decoded in the charset its plugin says it declares, once")
    func declaredCharsetDecodesOnce() {
        let calls = Calls()
        let (_, decoded) = prepare("caf\u{E9}\n", readsBinary: false, declared: "iso-8859-1", calls: calls)
        #expect(decoded.count == 1)
        #expect(calls.encodings.withLock { $0 } == [.windows1252])
        #expect(decoded.first??.first?.text == "caf\u{E9}")
    }
}
