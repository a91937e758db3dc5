/// The headings above the current point of a document, outermost first: a heading of level N
/// closes every open heading of level N or deeper.
public struct HeadingTrail: Sendable {
    private var open: [(level: Int, text: String)] = []

    public init() {}

    /// The open headings' texts, outermost first.
    public var path: [String] { open.map(\.text) }

    /// Opens a heading of `level` (1 is the outermost).
    public mutating func enter(level: Int, text: String) {
        while let last = open.last, last.level >= level { open.removeLast() }
        open.append((level, text))
    }
}
