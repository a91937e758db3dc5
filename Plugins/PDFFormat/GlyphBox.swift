/// Where one character of a page's text sits, in points from the page's top left.
struct GlyphBox: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
}
