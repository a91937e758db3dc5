import CPoppler

/// One page of a `PDFDocument`: its text in reading order and where each character sits.
/// Releases poppler's page when released.
final class PDFPage {
    /// 1-based.
    let number: Int
    private let handle: OpaquePointer

    init(number: Int, handle: OpaquePointer) {
        self.number = number
        self.handle = handle
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The page's text as poppler lays it out in reading order, lines separated by "\n".
    var text: String {
        guard let text = poppler_page_get_text(handle) else { return "" }
        defer { g_free(text) }
        return String(cString: text)
    }

    /// The page's height in points (the unit of outline destinations).
    var height: Double {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(handle, &width, &height)
        return height
    }

    /// The top of each character of `text` (Unicode scalars, newlines included), in points from
    /// the page's top; empty when poppler gives no layout matching the text.
    func characterTops(count: Int) -> [Double] {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var found: guint = 0
        guard poppler_page_get_text_layout(handle, &rectangles, &found) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        guard Int(found) == count else { return [] }
        return (0..<count).map { rectangles[$0].y1 }
    }
}
