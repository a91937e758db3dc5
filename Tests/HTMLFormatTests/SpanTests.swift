import SemfindCore
import Testing

@testable import HTMLFormat

/// The byte range of lines `lines` (1-based, inclusive) of `source`, terminators excluded.
private func byteRange(of lines: ClosedRange<Int>, in source: [UInt8]) -> Range<Int> {
    var starts = [0]
    for (offset, byte) in source.enumerated() where byte == 0x0A {
        starts.append(offset + 1)
    }
    var end = lines.upperBound < starts.count ? starts[lines.upperBound] - 1 : source.count
    if end > 0 && source[end - 1] == 0x0D {
        end -= 1
    }
    return starts[lines.lowerBound - 1]..<end
}

private let smallDocument = [
    "<!DOCTYPE html>",
    "<html><head><title>T</title></head>",
    "<body>",
    "<h1>Head</h1>",
    "<p>First line",
    "second line</p>",
    "<div>intro",
    "<p>inner</p>",
    "tail</div>",
    "<pre>",
    "code 1",
    "  code 2",
    "</pre>",
    "<p>a &amp;",
    "b</p>",
    "<ul>",
    "  <li>one",
    "  <li>two",
    "</ul>",
    "</body></html>",
]

private let expectedLines: [(text: String, lines: ClosedRange<Int>)] = [
    ("First line second line", 5...6), ("intro", 7...7), ("inner", 8...8), ("tail", 9...9),
    ("code 1\n  code 2", 11...12), ("a & b", 14...15), ("- one\n- two", 17...18),
]

@Test("line and byte spans of a small document", arguments: ["\n", "\r\n"])
func smallDocumentSpans(lineEnding: String) throws {
    let source = Array(smallDocument.joined(separator: lineEnding).utf8)
    let document = try HTMLFormat().parse(source)
    #expect(document.sections.map(\.text) == expectedLines.map(\.text))
    for (section, expected) in zip(document.sections, expectedLines) {
        #expect(section.span.firstLine == expected.lines.lowerBound, "first line of \(expected.text)")
        #expect(section.span.lastLine == expected.lines.upperBound, "last line of \(expected.text)")
        #expect(section.span.bytes == byteRange(of: expected.lines, in: source), "bytes of \(expected.text)")
    }
}

@Test("bare text before any tag gets its own lines, not those of the elements libxml2 implies")
func bareTextLines() throws {
    let document = try parse("hello\nworld\n<p>x</p>\n")
    #expect(document.sections.map(\.text) == ["hello world", "x"])
    #expect(document.sections.map(\.span.firstLine) == [1, 3])
    #expect(document.sections.map(\.span.lastLine) == [2, 3])
}

@Test("a 5 MB script is never read, and text after it keeps its line")
func hugeScript() throws {
    let filler = String(repeating: "var s = '<p>SCRIPT-TEXT</p>'; // filler\n", count: 130_000)
    let html =
        "<html><head><title>Big</title>\n<script>\n\(filler)</script></head>\n<body>\n<p>after</p>\n</body></html>"
    #expect(html.utf8.count > 5_000_000)
    let document = try parse(html)
    #expect(document.sections.map(\.text) == ["after"])
    #expect(!document.sections.contains { $0.text.contains("SCRIPT-TEXT") })
    let afterLine = html.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "<p>after</p>" }
    #expect(document.sections.first?.span.firstLine == afterLine.map { $0 + 1 })
}

@Test("lines past 65535 stay right although old libxml2 caps its line numbers there")
func linesPastTheCap() throws {
    let count = 70_000
    let html = "<html><body>\n" + (2...count).map { "<p>line \($0)</p>\n" }.joined() + "</body></html>\n"
    let document = try parse(html)
    #expect(document.sections.count == count - 1)
    for section in [
        document.sections[0], document.sections[65_533], document.sections[65_534], document.sections[count - 2],
    ] {
        #expect(section.text == "line \(section.span.firstLine)")
        #expect(section.span.lastLine == section.span.firstLine)
    }
}
