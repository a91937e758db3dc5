import Foundation
import SemfindCore
import Testing

@testable import MarkdownFormat

/// For every CommonMark spec example, the words the markdown plugin stores must be the words a
/// reader sees in the spec's rendering. What semfind does differently on purpose is normalized
/// here, never in the expected text: list items keep their markers (stripped before comparing).
/// The examples that still differ, and why, are in `Plugins/MarkdownFormat/CONFORMANCE.md`; set
/// SEMFIND_COMMONMARK_REPORT to a file path to have them written there.
@Suite("CommonMark conformance")
struct CommonMarkConformanceTests {
    /// The share of examples that match exactly (637 of 652 at CommonMark 0.31.2); a change that
    /// lowers it fails.
    static let floor = 0.9769

    /// The words of a document as stored: each heading's words where it starts (from the heading
    /// paths), then each section's text.
    static func storedWords(_ markdown: String) -> [String] {
        let document = MarkdownFormat().parse(Array(markdown.utf8))
        var words: [String] = []
        var path: [String] = []
        for section in document.sections {
            let kept = zip(path, section.headingPath).prefix { $0 == $1 }.count
            words += section.headingPath.dropFirst(kept).flatMap(RenderedWords.words)
            path = section.headingPath
            let text = section.kind == .list ? withoutListMarkers(section.text) : section.text
            words += RenderedWords.words(text)
        }
        return words
    }

    /// A list section's text without the item markers semfind keeps ("- ", "1. ", "1. - " for an
    /// item that opens a nested list).
    static func withoutListMarkers(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacingOccurrences(
                of: "^\\s*(([-+*]|[0-9]{1,9}[.)])(\\s+|$))+", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }

    @Test("the words stored for the spec's examples are the words of their rendering")
    func conformance() throws {
        let examples = try CommonMarkSpec.examples()
        var differing: [String] = []
        for example in examples {
            let stored = Self.storedWords(example.markdown)
            let expected = RenderedWords.of(example.html)
            if stored != expected {
                differing.append(
                    "example \(example.example) (\(example.section)): stored \(stored), rendered \(expected)")
            }
        }
        let rate = Double(examples.count - differing.count) / Double(examples.count)
        print("CommonMark: \(examples.count - differing.count) of \(examples.count) examples match (\(rate))")
        if let report = ProcessInfo.processInfo.environment["SEMFIND_COMMONMARK_REPORT"] {
            try differing.joined(separator: "\n").write(toFile: report, atomically: true, encoding: .utf8)
        }
        #expect(rate >= Self.floor, "\(differing.count) examples differ; first: \(differing.prefix(3))")
    }
}
