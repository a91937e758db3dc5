import SemfindCore

/// Cuts one page's text into sections by the outline entries that point into the page: lines
/// above an entry's destination stay under the entry in effect before it (from earlier pages),
/// lines at or below it go under it. Lines keep their numbers within the page.
struct PageSections {
    /// How far (in points) a line's top may sit above a destination and still count as below it:
    /// a destination usually names the top of its heading's line, give or take rounding.
    static let tolerance = 2.0

    /// The heading path root: the document's title, when it has one.
    let root: [String]
    /// The outline path in effect at the top of the next page.
    private(set) var current: [String] = []

    init(title: String?) {
        root = title.map { [$0] } ?? []
    }

    /// The sections of page `page`, whose text is `text`, given the entries pointing into it in
    /// outline order; moves `current` to the entry in effect at the page's end.
    mutating func sections(of page: Int, text: PageText, entries: [OutlineEntry]) -> [Section] {
        let ordered = entries.enumerated().sorted {
            ($0.element.top ?? 0, $0.offset) < ($1.element.top ?? 0, $1.offset)
        }
        .map(\.element)
        let paths = text.lines.indices.map { index in
            let lineTop = text.lineTops?[index] ?? 0
            return ordered.last { ($0.top ?? 0) <= lineTop + Self.tolerance }?.path ?? current
        }
        current = ordered.last?.path ?? current
        return runs(text.lines, paths: paths, page: page)
    }

    /// One section per run of lines under the same path, without blank lines at its ends.
    private func runs(_ lines: [String], paths: [[String]], page: Int) -> [Section] {
        var sections: [Section] = []
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count && paths[end] == paths[start] { end += 1 }
            let blank = { (index: Int) in lines[index].allSatisfy(\.isWhitespace) }
            var first = start
            var last = end - 1
            while first <= last && blank(first) { first += 1 }
            while last >= first && blank(last) { last -= 1 }
            if first <= last {
                let text = lines[first...last].joined(separator: "\n")
                let span = SourceSpan(firstLine: first + 1, lastLine: last + 1, bytes: 0..<0, pages: page...page)
                sections.append(Section(text: text, headingPath: root + paths[start], span: span))
            }
            start = end
        }
        return sections
    }
}
