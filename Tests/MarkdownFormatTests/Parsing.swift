import SemfindCore

@testable import MarkdownFormat

/// Parses `markdown` written as UTF-8.
func parse(_ markdown: String) -> ParsedDocument {
    MarkdownFormat().parse(Array(markdown.utf8))
}

/// The original bytes a section's span points at, read back as UTF-8.
func source(of section: Section, in markdown: String) -> String {
    let bytes = Array(markdown.utf8)
    return String(decoding: bytes[section.span.bytes], as: UTF8.self)
}

/// The lines `first` through `last` (1-based) of `markdown`, joined by "\n" (for LF input).
func lines(_ first: Int, _ last: Int, of markdown: String) -> String {
    let all = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    return all[(first - 1)...(last - 1)].joined(separator: "\n")
}
