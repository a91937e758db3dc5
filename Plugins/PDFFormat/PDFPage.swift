import CPoppler

/// One page of a `PDFDocument`: its text in reading order and where each character sits.
/// Releases poppler's page when released.
final class PDFPage {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The page's text as poppler lays it out in reading order, with where each character sits.
    var text: PageText {
        guard let text = poppler_page_get_text(handle) else { return PageText(String(), boxes: nil) }
        defer { g_free(text) }
        return PageText(String(cString: text), boxes: boxes)
    }

    /// The page's height in points (the unit of outline destinations).
    var height: Double {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(handle, &width, &height)
        return height
    }

    /// The box of each character of the page's text (newlines included), in points from the
    /// page's top left; nil when poppler has no layout.
    private var boxes: [GlyphBox]? {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(handle, &rectangles, &count) != 0, let rectangles else { return nil }
        defer { g_free(rectangles) }
        return (0..<Int(count)).map {
            GlyphBox(
                left: rectangles[$0].x1, top: rectangles[$0].y1, right: rectangles[$0].x2, bottom: rectangles[$0].y2)
        }
    }
}
