/// A shape of a slide with text, as `SlideReader` finds it.
struct SlideShape: Equatable {
    /// The placeholder type (`p:ph type`: "title", "ctrTitle", "body", "sldNum", …); "obj" for
    /// a placeholder without one, nil for a shape that is no placeholder.
    var placeholder: String?
    /// The shape's paragraphs, in order.
    var paragraphs: [String] = []
    /// A table's rows, cells joined by " | " (a graphic frame holding a table); empty otherwise.
    var rows: [String] = []

    /// Whether the shape is the slide's title.
    var isTitle: Bool { placeholder == "title" || placeholder == "ctrTitle" }

    /// Whether the shape only repeats what the layout fills in (slide number, date, footer,
    /// header, the slide's picture on a notes page).
    var isFurniture: Bool { ["sldNum", "dt", "ftr", "hdr", "sldImg"].contains(placeholder) }
}
