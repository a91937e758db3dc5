import CLibXML2
import SemfindCore

/// Turns a walk over an HTML tree into sections: the title, the heading hierarchy, and one
/// section per block of prose, per `<pre>`, per outermost list and per data table, page
/// furniture left out (`PageFurniture`).
///
/// Element handling (what each element starts and ends) lives in `SectionCollector+Elements`;
/// this file holds the state, the text, and the making of sections.
struct SectionCollector: TreeVisitor {
    /// A block that gathers everything inside it into one section.
    enum Container {
        case preformatted
        case list(ordered: Bool, next: Int)
        case table

        var kind: Section.Kind {
            switch self {
            case .preformatted: .code
            case .list: .list
            case .table: .table
            }
        }
    }

    /// What entering an element did, so that leaving it can undo it.
    indirect enum Frame {
        case plain, suppressed, head, title, heading, boundary, lineStart, space, container, link
        /// A sectioning element: `Frame` for its role, and a scope for its headings.
        case sectioning(Frame)
    }

    /// An open sectioning element: the headings to restore when it ends.
    struct SectioningScope {
        var headingsOutside: [(level: Int, text: String)]
        var isMain: Bool
    }

    /// A heading whose text is being read.
    struct HeadingCapture {
        var level: Int
        var text = BlockText()
    }

    let lineIndex: LineIndex
    /// The page marks its main content: only that is read (`PageFurniture.pageMarksMain`).
    let readsOnlyMain: Bool
    /// The page is a document (an e-book's chapter), not a site's page: a `header` or `footer`
    /// of its own and blocks of links are its content, not furniture.
    let isDocument: Bool
    var estimator: LineEstimator
    /// The document title, once its `<title>` has been read.
    var title: String?
    /// The text of the `<title>` being read.
    var titleText: BlockText?
    /// The enclosing headings, outermost first, with their levels.
    var headings: [(level: Int, text: String)] = []
    /// Whether a heading ended since the last section: the next section opens it.
    var headingOpened = false
    var headingCapture: HeadingCapture?
    /// The block being collected.
    var block = BlockText()
    /// Open containers, outermost first; the outermost decides the section's kind.
    var containers: [Container] = []
    var listDepth = 0
    var tableDepth = 0
    var preformattedDepth = 0
    var frames: [Frame] = []
    /// Depth inside dropped or hidden elements; their text is never read.
    var suppressedDepth = 0
    var headDepth = 0
    /// Open sectioning elements, outermost first.
    var scopes: [SectioningScope] = []
    /// Depth inside the main content.
    var mainDepth = 0
    /// Depth inside links (`<a href>`).
    var linkDepth = 0
    /// The links and words of `block`, when the page marks no main content.
    var tally = LinkTally()
    /// The next text is the first inside a `<pre>`, whose leading line feed HTML ignores.
    var atPreformattedStart = false
    /// Sections made so far, their heading paths still without the title.
    var sections: [Section] = []

    init(lineIndex: LineIndex, readsOnlyMain: Bool, isDocument: Bool) {
        self.lineIndex = lineIndex
        self.readsOnlyMain = readsOnlyMain
        self.isDocument = isDocument
        estimator = LineEstimator(lineCount: lineIndex.count)
    }

    /// Indentation that continues the current list item on a new line.
    var continuation: String {
        String(repeating: "  ", count: listDepth)
    }

    /// Whether text here is left out for lying outside the main content the page marks.
    var isOutsideMain: Bool {
        readsOnlyMain && mainDepth == 0
    }

    /// Whether the innermost container is a table (cells run on one line).
    var tableIsInnermost: Bool {
        if case .table = containers.last { return true }
        return false
    }

    mutating func content(_ node: xmlNodePtr) {
        let reported = ElementAttributes.line(of: node)
        guard let pointer = node.pointee.content else {
            _ = estimator.node(reportedLine: reported, lineFeeds: 0)
            return
        }
        let bytes = UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer)))
        let lines = estimator.node(reportedLine: reported, lineFeeds: ByteScan.count(of: 0x0A, in: bytes))
        let type = node.pointee.type
        guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, suppressedDepth == 0 else { return }
        if titleText != nil {
            _ = titleText?.appendCollapsed(bytes)
            return
        }
        guard headDepth == 0, !isOutsideMain else { return }
        if headingCapture != nil {
            _ = headingCapture?.text.appendCollapsed(bytes)
            return
        }
        appendToBlock(bytes, lines: lines)
    }

    private mutating func appendToBlock(_ bytes: UnsafeBufferPointer<UInt8>, lines: ClosedRange<Int>) {
        var text = bytes
        if atPreformattedStart {
            atPreformattedStart = false
            if text.starts(with: [0x0D, 0x0A]) {
                text = UnsafeBufferPointer(rebasing: text[2...])
            } else if text.first == 0x0A {
                text = UnsafeBufferPointer(rebasing: text[1...])
            }
        }
        let added =
            preformattedDepth > 0 && tableDepth == 0
            ? block.appendVerbatim(text, continuation: continuation)
            : block.appendCollapsed(text)
        if added {
            block.noteSource(Self.visibleLines(of: bytes, within: lines))
        }
        if !readsOnlyMain {
            tally.addText(text, insideLink: linkDepth > 0)
        }
    }

    /// The lines a text node's visible characters cover: its lines less those holding only
    /// leading or trailing white space.
    static func visibleLines(of bytes: UnsafeBufferPointer<UInt8>, within lines: ClosedRange<Int>) -> ClosedRange<Int> {
        guard let first = bytes.firstIndex(where: { !$0.isASCIIWhitespace }),
            let last = bytes.lastIndex(where: { !$0.isASCIIWhitespace })
        else { return lines }
        let leading = bytes[..<first].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let trailing = bytes[(last + 1)...].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let start = min(lines.lowerBound + leading, lines.upperBound)
        return start...max(start, lines.upperBound - trailing)
    }

    /// Ends the block being collected; makes it a section of `kind` if it holds any text and,
    /// on a page that marks no main content, is not a block of links (`LinkTally`).
    mutating func flush(as kind: Section.Kind) {
        let text = block.text(keepBlankRuns: kind == .code)
        let isFurniture = !readsOnlyMain && !isDocument && tally.isLinkBlock
        if !text.isEmpty, !isFurniture, let lines = block.sourceLines {
            let span = lineIndex.span(firstLine: lines.lowerBound, lastLine: lines.upperBound)
            sections.append(
                Section(
                    text: text, headingPath: headings.map(\.text), span: span, kind: kind, opensHeading: headingOpened))
            headingOpened = false
        }
        block = BlockText()
        tally = LinkTally()
    }

    /// The document read so far, with the title leading every heading path.
    mutating func finish() -> ParsedDocument {
        flush(as: containers.first?.kind ?? .prose)
        let titlePath = title.map { [$0] } ?? []
        let titled = sections.map { section in
            var section = section
            section.headingPath = titlePath + section.headingPath
            return section
        }
        var warnings: [String] = []
        if estimator.reachedCap {
            warnings.append(
                "more than \(LineEstimator.cap) lines: line numbers past that are estimated (libxml2 reports none higher)"
            )
        }
        return ParsedDocument(title: title, sections: titled, warnings: warnings)
    }
}
