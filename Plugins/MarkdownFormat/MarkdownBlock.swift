import SemfindCore

/// A block the scanner found: a heading, which changes the heading path of what follows, or the
/// content of one section.
enum MarkdownBlock {
    /// `lines` are indices into the scanned lines, first to last (a setext heading's underline
    /// included).
    case heading(level: Int, text: String, lines: ClosedRange<Int>)
    /// `lines` are indices into the scanned lines, first to last, fences included.
    case content(kind: Section.Kind, text: String, lines: ClosedRange<Int>)
}
