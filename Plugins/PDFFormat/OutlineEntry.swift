/// A bookmark of a PDF's outline: its titles from the outermost entry down, and where it points.
struct OutlineEntry: Equatable {
    /// The entry's title after the titles of the entries it sits in, outermost first.
    var path: [String]
    /// 1-based page the entry points into.
    var page: Int
    /// How far down the page it points, in points from the top; nil for the page's top.
    var top: Double?
}
