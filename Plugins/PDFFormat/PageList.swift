/// Page numbers as a reader wants them named: "page 3", "pages 3, 5–7".
struct PageList: CustomStringConvertible {
    let pages: [Int]

    /// `pages` in ascending order.
    init(_ pages: [Int]) {
        self.pages = pages
    }

    var description: String {
        var runs: [String] = []
        var start = 0
        while start < pages.count {
            var end = start
            while end + 1 < pages.count && pages[end + 1] == pages[end] + 1 { end += 1 }
            runs.append(end > start ? "\(pages[start])–\(pages[end])" : "\(pages[start])")
            start = end + 1
        }
        return (pages.count == 1 ? "page " : "pages ") + runs.joined(separator: ", ")
    }
}
