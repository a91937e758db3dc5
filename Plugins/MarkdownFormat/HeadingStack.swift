/// The headings enclosing the current point of a document, outermost first: a heading closes
/// every open heading of its level or deeper, then opens its own.
struct HeadingStack {
    private var open: [(level: Int, text: String)] = []

    /// Enters a heading of `level` (1 for `#`).
    mutating func enter(level: Int, text: String) {
        while let last = open.last, last.level >= level { open.removeLast() }
        open.append((level, text))
    }

    /// The open headings' texts, outermost first; an empty heading closes others but adds no name.
    var path: [String] { open.map { $0.text }.filter { !$0.isEmpty } }
}
