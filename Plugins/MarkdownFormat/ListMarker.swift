/// Where a list item's marker ends and its text begins, and whether the item may interrupt a
/// paragraph.
struct ListMarker {
    /// Offset just past the marker (`-`, `*`, `+`, `1.`, `1)`).
    let markerEnd: Int
    /// Offset of the item's first non-blank byte after the marker (the line's length if none).
    let textStart: Int
    /// A bullet, or an ordered item numbered 1.
    let startsAtOne: Bool

    /// CommonMark lets a list interrupt a paragraph only with a non-empty bullet or `1.` item, so
    /// that "in\n1990. something" stays one paragraph.
    func canInterruptParagraph(lineLength: Int) -> Bool { startsAtOne && textStart < lineLength }
}
