/// The headings enclosing the current point of a document, outermost first: a heading closes
/// every open heading of its level or deeper, then opens its own.
///
/// A heading reaches the index through the heading path of the sections under it. One that
/// closes before any section was written under it (a heading with no body, or only deeper
/// headings with no body) is handed back, to be written as a section of its own.
struct HeadingStack {
    struct Heading {
        let level: Int
        let text: String
        /// Indices of the heading's lines.
        let lines: ClosedRange<Int>
        /// Whether some section's heading path carried it.
        var isStored = false
    }

    private var open: [Heading] = []

    /// Enters a heading of `level` (1 for `#`); returns the headings it closes that no section
    /// carried, each with the path it stood under, innermost first.
    mutating func enter(level: Int, text: String, lines: ClosedRange<Int>) -> [(heading: Heading, path: [String])] {
        var unstored: [(heading: Heading, path: [String])] = []
        while let last = open.last, last.level >= level {
            open.removeLast()
            if !last.isStored && !last.text.isEmpty {
                unstored.append((last, path))
                markStored()
            }
        }
        open.append(Heading(level: level, text: text, lines: lines))
        return unstored
    }

    /// Closes every heading, as the end of the document does; returns those no section carried.
    mutating func closeAll() -> [(heading: Heading, path: [String])] {
        enter(level: 0, text: "", lines: 0...0)
    }

    /// Notes that a section was written under the current path, which carries every open heading.
    mutating func markStored() {
        for index in open.indices { open[index].isStored = true }
    }

    /// The open headings' texts, outermost first; an empty heading closes others but adds no name.
    var path: [String] { open.map { $0.text }.filter { !$0.isEmpty } }
}
