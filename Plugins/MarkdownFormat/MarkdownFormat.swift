// Why a block scanner of our own rather than a Markdown library: a section's span must name the
// lines and the original bytes it came from (UTF-16 included), which renderers to HTML or ASTs
// without positions do not give; semfind only needs blocks, headings and plain text, not
// rendering; one less dependency to resolve and audit; and every rule here is linear in the input,
// which keeps a 5 MB line or code block from stalling an index run.

import SemfindCore

/// Reads Markdown (CommonMark with GFM tables, plus YAML front matter): headings become heading
/// paths; paragraphs, fenced and indented code, tables and lists become sections.
///
/// - Front matter (`---` … `---` at the very start) is metadata: its `title:` is the document's
///   title and the first element of every heading path; its description (or summary) and
///   keywords (or tags) are the first section, what the page says it is about.
/// - ATX (`## Title ##`) and setext (underlined `===`, `---`) headings nest by level; a heading is
///   not a section of its own but the path of what follows it, unless nothing follows it before
///   the next heading of its level or above: then it is a prose section, so its words are indexed.
/// - Fenced code (`` ``` `` or `~~~`) and indented code (4 columns) are one `.code` section each,
///   text verbatim without the fences, span including them. An unclosed fence runs to the end.
/// - A GFM table is one `.table` section, a row per line, cells joined by " | ".
/// - Consecutive list items with their continuation lines are one `.list` section.
/// - Block quotes are read like a document of their own (their headings are headings); `<h1>`–
///   `<h6>` blocks and headings in list items are headings; comments, processing instructions,
///   CDATA, scripts and styles are not text, even when they span blank lines.
/// - Everything else is `.prose` with inline markup removed (see `InlineStripper`).
/// - Sections with no text left (an HTML comment, an empty fence) are dropped.
public struct MarkdownFormat: FormatPlugin {
    public var name: String { "markdown" }
    public var version: Int { 4 }
    public var mimeTypes: Set<String> { ["text/markdown", "text/x-markdown"] }
    /// MDX is included: its JSX tags are stripped like HTML; its `import`/`export` lines stay as
    /// prose, a small cost for getting its headings and code right.
    public var extensions: Set<String> { ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdx"] }

    public init() {}

    /// Cuts a Markdown file into sections with heading paths and line and byte spans.
    public func parse(_ bytes: [UInt8]) -> ParsedDocument {
        parse(bytes, decoded: nil)
    }

    /// Cuts a Markdown file into sections from `decoded`, its lines, when the caller has them.
    public func parse(_ bytes: [UInt8], decoded given: DecodedText?) -> ParsedDocument {
        let decoded = given ?? DecodedText(bytes)
        let lines = decoded.lines.map(MarkdownLine.init)
        let frontMatter = FrontMatter(lines)
        let titlePath = frontMatter?.title.map { [$0] } ?? []
        var scanner = BlockScanner(lines: lines, startingAt: frontMatter?.lineCount ?? 0)
        var headings = HeadingStack()
        var sections: [Section] = []
        var headingOpened = false
        func append(_ kind: Section.Kind, _ text: String, path: [String], lines range: ClosedRange<Int>) {
            let first = lines[range.lowerBound].source
            let last = lines[range.upperBound].source
            let span = SourceSpan(
                firstLine: first.number, lastLine: last.number, bytes: first.bytes.lowerBound..<last.bytes.upperBound)
            sections.append(
                Section(text: text, headingPath: titlePath + path, span: span, kind: kind, opensHeading: headingOpened))
            headingOpened = false
        }
        func appendUnstored(_ unstored: [(heading: HeadingStack.Heading, path: [String])]) {
            for (heading, path) in unstored {
                headingOpened = true
                append(.prose, heading.text, path: path, lines: heading.lines)
            }
        }
        if let frontMatter, let about = frontMatter.about {
            append(.prose, about, path: [], lines: 0...(frontMatter.lineCount - 1))
        }
        for block in scanner.scan() {
            switch block {
            case .heading(let level, let text, let range):
                appendUnstored(headings.enter(level: level, text: text, lines: range))
                headingOpened = true
            case .content(let kind, let text, let range):
                guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { continue }
                append(kind, text, path: headings.path, lines: range)
                headings.markStored()
            }
        }
        appendUnstored(headings.closeAll())
        return ParsedDocument(
            title: frontMatter?.title, sections: sections, warnings: decoded.warning.map { [$0] } ?? [])
    }
}
