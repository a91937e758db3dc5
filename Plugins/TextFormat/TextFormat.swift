import SemfindCore

/// Reads plain text: every paragraph (a run of non-blank lines) becomes one prose section, under
/// the headings of the text's indentation outline (`OutlineHeading`: `pod2text`'s, `man`'s and
/// RFCs' shape); text with no indentation has none. The document has no title.
///
/// Decoding (UTF-8, UTF-16 with a BOM, windows-1252 fallback) is `DecodedText`'s; its warning, if
/// any, is passed on. Work is linear in the size of the file, however long its lines.
public struct TextFormat: FormatPlugin {
    public var name: String { "text" }
    public var version: Int { 3 }
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
        let paragraphs = Self.paragraphs(of: decoded.lines)
        let indents = paragraphs.map { $0.map { OutlineHeading.indent(of: $0.text) } }
        var outline: [OutlineHeading] = []
        var opensHeading = false
        /// The least indent of the last paragraph that was not a heading; nil at the start and
        /// after a heading.
        var previousIndent: Int?
        func enter(_ heading: OutlineHeading) {
            outline.removeAll { $0.indent >= heading.indent }
            outline.append(heading)
            opensHeading = true
            previousIndent = nil
        }
        var sections: [Section] = []
        for (index, paragraph) in paragraphs.enumerated() {
            var body = paragraph
            var indent = indents[index].min() ?? 0
            if let first = paragraph.first, let bodyIndent = indents[index].dropFirst().min(),
                let heading = OutlineHeading(first, indent: indents[index][0], bodyIndent: bodyIndent, standing: false)
            {
                enter(heading)
                body = paragraph.dropFirst()
                indent = bodyIndent
            } else if paragraph.count == 1, index + 1 < paragraphs.count, let next = indents[index + 1].min(),
                let heading = OutlineHeading(
                    paragraph[paragraph.startIndex], indent: indent, bodyIndent: next, standing: true),
                previousIndent.map({ $0 > heading.indent }) ?? true
            {
                enter(heading)
                continue
            }
            guard let first = body.first, let last = body.last else { continue }
            outline.removeAll { $0.indent >= indent }
            previousIndent = indent
            let span = SourceSpan(
                firstLine: first.number, lastLine: last.number, bytes: first.bytes.lowerBound..<last.bytes.upperBound)
            sections.append(
                Section(
                    text: body.map(\.text).joined(separator: "\n"), headingPath: outline.map(\.title), span: span,
                    kind: .prose, opensHeading: opensHeading))
            opensHeading = false
        }
        return ParsedDocument(sections: sections, warnings: decoded.warning.map { [$0] } ?? [])
    }

    /// The runs of non-blank lines.
    static func paragraphs(of lines: [DecodedText.Line]) -> [ArraySlice<DecodedText.Line>] {
        var paragraphs: [ArraySlice<DecodedText.Line>] = []
        var first = 0
        while first < lines.count {
            guard !lines[first].isBlank else {
                first += 1
                continue
            }
            var last = first
            while last + 1 < lines.count, !lines[last + 1].isBlank { last += 1 }
            paragraphs.append(lines[first...last])
            first = last + 1
        }
        return paragraphs
    }
}
