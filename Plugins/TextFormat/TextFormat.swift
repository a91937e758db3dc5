import SemfindCore

/// Reads plain text: every paragraph (a run of non-blank lines) becomes one prose section.
///
/// Plain text has no headings, so every section's heading path is empty and the document has no
/// title. Decoding (UTF-8, UTF-16 with a BOM, windows-1252 fallback) is `DecodedText`'s; its warning,
/// if any, is passed on. Work is linear in the size of the file, however long its lines.
public struct TextFormat: FormatPlugin {
    public var name: String { "text" }
    public var version: Int { 2 }
    /// `text/plain` is what libmagic reports for any text it cannot name more precisely, so the
    /// extension decides when another plugin claims the file too.
    public var mimeTypes: Set<String> { ["text/plain", "text/x-log"] }
    /// Markdown, reStructuredText and other marked-up formats are deliberately absent: their
    /// headings would silently become paragraph text here.
    public var extensions: Set<String> { ["txt", "text", "log"] }

    public init() {}

    /// Cuts a text file into paragraphs, each spanning its lines' bytes in the original file.
    public func parse(_ bytes: [UInt8]) -> ParsedDocument {
        parse(bytes, decoded: nil)
    }

    /// Cuts a text file into paragraphs from `decoded`, its lines, when the caller has them.
    public func parse(_ bytes: [UInt8], decoded given: DecodedText?) -> ParsedDocument {
        let decoded = given ?? DecodedText(bytes)
        let lines = decoded.lines
        var sections: [Section] = []
        var first = 0
        while first < lines.count {
            guard !lines[first].isBlank else {
                first += 1
                continue
            }
            var last = first
            while last + 1 < lines.count, !lines[last + 1].isBlank { last += 1 }
            let paragraph = lines[first...last]
            let span = SourceSpan(
                firstLine: lines[first].number, lastLine: lines[last].number,
                bytes: lines[first].bytes.lowerBound..<lines[last].bytes.upperBound)
            let text = paragraph.map(\.text).joined(separator: "\n")
            sections.append(Section(text: text, headingPath: [], span: span, kind: .prose))
            first = last + 1
        }
        return ParsedDocument(sections: sections, warnings: decoded.warning.map { [$0] } ?? [])
    }
}
