import HTMLFormat
import MarkdownFormat
import SemfindCore
import TextFormat

/// What a declared command prints on standard output, and so which parser reads it.
///
/// With `text`, `markdown` and `html`, the built-in plugin of that name reads the output: the
/// lines of its spans are the output's lines (what `man -l` or pandoc printed), and its byte
/// offsets are dropped, since they do not point into the file. With `sections`, the command
/// gives each section's lines in the file itself (`SectionLine`).
public enum CommandOutput: String, Sendable, CaseIterable {
    case text
    case markdown
    case html
    case sections

    func parse(_ output: [UInt8]) throws -> ParsedDocument {
        var document: ParsedDocument
        switch self {
        case .text: document = TextFormat().parse(output)
        case .markdown: document = MarkdownFormat().parse(output)
        case .html: document = try HTMLFormat().parse(output)
        case .sections: return try SectionLine.document(output)
        }
        for index in document.sections.indices {
            let span = document.sections[index].span
            document.sections[index].span = SourceSpan(firstLine: span.firstLine, lastLine: span.lastLine, bytes: 0..<0)
        }
        return document
    }
}
