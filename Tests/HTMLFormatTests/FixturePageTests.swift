import Foundation
import SemfindCore
import Testing

@testable import HTMLFormat

/// Pages shaped like real generators' output (Tests/Fixtures/html-pages), each beside the text
/// that scripts/html-reference-words, an independent html.parser extraction, reads from it
/// (`scripts/html-reference-words PAGE.html > PAGE.reference.txt` writes it anew).
private enum FixturePage: String, CaseIterable {
    case sphinx = "sphinx-page"
    case javadoc = "javadoc-page"
    case blog = "blog-page"

    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/html-pages")

    func parsed() throws -> ParsedDocument {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent("\(rawValue).html"))
        return try HTMLFormat().parse(Array(bytes))
    }

    func referenceText() throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent("\(rawValue).reference.txt"), encoding: .utf8)
    }
}

/// How many times each word (a run of letters, digits and underscores, as `\w+`) occurs.
private func wordCounts(_ text: String) -> [Substring: Int] {
    let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    return words.reduce(into: [:]) { counts, word in counts[word, default: 0] += 1 }
}

@Test(
    "the words stored from a generator's page are the reference's: no furniture, nothing missing",
    arguments: FixturePage.allCases)
private func fixtureWordsMatchReference(page: FixturePage) throws {
    let stored = try page.parsed().sections.map(\.text).joined(separator: "\n")
    let reference = try page.referenceText()
    let storedCounts = wordCounts(stored)
    let referenceCounts = wordCounts(reference)
    let furniture = storedCounts.filter { word, count in count > referenceCounts[word, default: 0] }
    let missing = referenceCounts.filter { word, count in count > storedCounts[word, default: 0] }
    #expect(furniture.isEmpty, "stored but not in the reference: \(furniture)")
    #expect(missing.isEmpty, "in the reference but not stored: \(missing)")
    let firstWords = { (text: String) in text.split(whereSeparator: \.isWhitespace).prefix(3) }
    #expect(firstWords(stored) == firstWords(reference), "the first section is not the page's first content")
}

@Test("a Sphinx page: headings without their ¶, the sidebar's headings nowhere")
private func sphinxHeadingPaths() throws {
    let document = try FixturePage.sphinx.parsed()
    let title = "tarfile — Read and write archives — Demo 1.0 documentation"
    let module = "tarfile — Read and write archives"
    #expect(
        document.sections.map(\.headingPath) == [
            [title, module], [title, module], [title, module, "Examples"], [title, module, "Examples"],
            [title, module, "Examples"],
        ])
}

@Test("a Javadoc page: the class heading over its description, the navigation bar and footer gone")
private func javadocHeadingPaths() throws {
    let document = try FixturePage.javadoc.parsed()
    let title = "RingBuffer (demo 1.0 API)"
    #expect(document.sections.first?.headingPath == [title])
    #expect(document.sections.dropFirst().allSatisfy { $0.headingPath.starts(with: [title, "Class RingBuffer<E>"]) })
}

@Test("a blog page: the sidebar's text under its own heading, not under the post's last section")
private func blogHeadingPaths() throws {
    let document = try FixturePage.blog.parsed()
    let title = "Baking sourdough at altitude | Crumb Notes"
    let sidebar = document.sections.first { $0.text.hasPrefix("I bake bread") }
    #expect(sidebar?.headingPath == [title, "About me"])
    let filed = document.sections.first { $0.text.hasPrefix("Filed under") }
    #expect(filed?.headingPath == [title, "Baking sourdough at altitude", "Baking"])
}
