/// Turns the line numbers libxml2 reports into the lines each text node covers.
///
/// libxml2 gives a text node one line: where its parser stood after the node's first run of
/// characters (a run ends at an entity reference or after about a thousand characters). So with
/// L the reported line and k the line feeds in the node's text, the node starts in L-k...L and
/// ends in L...L+k. The estimator narrows that with a cursor that only ever holds a line the
/// document has certainly reached: the end of the previous node (text, comment, script: every
/// node with content counts, shown or not) or the line of an element's start tag. In the usual
/// cases (short text, or text right after its start tag) the result is exact.
///
/// libxml2 (2.9 at least) caps lines at 65535. In a longer file a reported 65535 says only "at
/// least 65535", and the cursor, advanced by counting line feeds, carries the estimate on; it
/// then misses only line feeds inside tags, so `reachedCap` (set once a report is shown to be
/// capped) lets the caller say that lines are estimated.
struct LineEstimator {
    /// The highest line libxml2 stores in old versions.
    static let cap = 65535

    /// A line the document has certainly reached by now.
    private var cursor = 1
    /// Whether the file has more lines than the cap, so a reported line at the cap is a floor.
    private let capMatters: Bool
    /// Set once libxml2 reported the cap for a node the cursor shows to lie past it.
    private(set) var reachedCap = false

    init(lineCount: Int) {
        capMatters = lineCount > Self.cap
    }

    /// Takes note of an element's start tag, whose reported line is where the tag ended.
    mutating func element(at line: Int?) {
        guard let line else { return }
        cursor = max(cursor, line)
    }

    /// The lines a node with content covers, given its reported line and the line feeds in its
    /// content; advances the cursor to its last line.
    mutating func node(reportedLine: Int?, lineFeeds: Int) -> ClosedRange<Int> {
        let reported = reportedLine ?? cursor
        let capped = capMatters && reported == Self.cap
        if capped && cursor > Self.cap {
            reachedCap = true
        }
        var first = max(reported - lineFeeds, cursor)
        if !capped {
            first = min(first, reported)
        }
        let last = max(reported, first + lineFeeds)
        cursor = last
        return first...last
    }
}
