import CLibXML2

/// What each element starts when entered and ends when left.
extension SectionCollector {
    mutating func enter(_ element: xmlNodePtr) {
        let name = ElementAttributes.name(of: element)
        noteStartTag(of: element, named: name)
        var role = ElementRole(name: name)
        if role != .dropped
            && (ElementAttributes.isHidden(element)
                || PageFurniture.isFurniture(element, named: name, insideSectioning: isDocument || !scopes.isEmpty))
        {
            role = .dropped
        } else if role == .table && ElementAttributes.isLayoutTable(element) {
            role = .block
        }
        let reads = suppressedDepth == 0 && headDepth == 0 && role != .dropped
        if reads, let outline = PageFurniture.outline(of: element, named: name) {
            openScope(outline, isMain: PageFurniture.isMain(element, named: name))
            frames.append(.sectioning(frame(entering: role, element, named: name)))
        } else {
            frames.append(frame(entering: role, element, named: name))
        }
    }

    mutating func leave(_ element: xmlNodePtr) {
        undo(frames.popLast() ?? .plain)
    }

    private mutating func undo(_ frame: Frame) {
        switch frame {
        case .plain:
            break
        case .sectioning(let inner):
            undo(inner)
            closeScope()
        case .link:
            linkDepth -= 1
        case .suppressed:
            suppressedDepth -= 1
        case .head:
            headDepth -= 1
        case .title:
            let text = titleText?.text(keepBlankRuns: false).split(separator: "\n").joined(separator: " ") ?? ""
            title = text.isEmpty ? nil : text
            titleText = nil
        case .heading:
            endHeading()
        case .boundary:
            flush(as: .prose)
        case .lineStart:
            block.breakLine(prefix: continuation)
        case .space:
            if headingCapture != nil {
                headingCapture?.text.space()
            } else {
                block.space()
            }
        case .container:
            closeContainer()
        }
    }

    /// Feeds the line of an element's start tag to the estimator, unless libxml2 may have made
    /// the element up: `html`, `head` and `body` often are implied, and an implied element
    /// carries the line of the text that made libxml2 imply it, not its own.
    private mutating func noteStartTag(of element: xmlNodePtr, named name: String) {
        guard name != "html", name != "head", name != "body", let line = ElementAttributes.line(of: element) else {
            return
        }
        if let child = element.pointee.children, child.pointee.type == XML_TEXT_NODE,
            ElementAttributes.line(of: child) == line
        {
            return
        }
        estimator.element(at: line)
    }

    private mutating func frame(entering role: ElementRole, _ element: xmlNodePtr, named name: String) -> Frame {
        if suppressedDepth > 0 || role == .dropped || (headDepth > 0 && role != .title)
            || (role == .title && (title != nil || titleText != nil))
        {
            suppressedDepth += 1
            return .suppressed
        }
        switch role {
        case .head:
            headDepth += 1
            return .head
        case .title:
            titleText = BlockText()
            return .title
        default:
            break
        }
        if isOutsideMain {
            return .plain
        }
        if headingCapture != nil {
            guard role != .inline else { return .plain }
            headingCapture?.text.space()
            return .space
        }
        if name == "a" && !readsOnlyMain && ElementAttributes.value(of: "href", in: element) != nil {
            linkDepth += 1
            tally.addLink()
            return .link
        }
        return frame(enteringBody: role, element)
    }

    private mutating func frame(enteringBody role: ElementRole, _ element: xmlNodePtr) -> Frame {
        switch role {
        case .heading(let level):
            guard containers.isEmpty else { return boundary() }
            flush(as: .prose)
            headingCapture = HeadingCapture(level: level)
            return .heading
        case .lineBreak:
            if tableIsInnermost {
                block.space()
            } else {
                block.newline(prefix: continuation)
            }
            return .plain
        case .preformatted:
            openContainer(.preformatted)
            atPreformattedStart = true
            return .container
        case .list(let ordered):
            let start = ElementAttributes.value(of: "start", in: element).flatMap { Int($0.trimmingASCIIWhitespace()) }
            openContainer(.list(ordered: ordered, next: start ?? 1))
            return .container
        case .table:
            openContainer(.table)
            return .container
        case .listItem, .term, .definition:
            return startItem(role)
        case .row, .caption:
            guard tableIsInnermost else { return boundary() }
            block.breakLine(prefix: continuation)
            return .lineStart
        case .cell:
            guard tableIsInnermost else { return boundary() }
            block.separate(with: " | ")
            return .plain
        case .block:
            return boundary()
        case .inline, .dropped, .head, .title:
            return .plain
        }
    }

    /// Starts a list item, term or definition on its own line, with its marker and indentation.
    private mutating func startItem(_ role: ElementRole) -> Frame {
        guard case .list(let ordered, let next) = containers.last else { return boundary() }
        let indent = String(repeating: "  ", count: listDepth - 1)
        switch role {
        case .term:
            block.startLine(prefix: indent)
        case .definition:
            block.startLine(prefix: continuation)
        default:
            if ordered {
                containers[containers.count - 1] = .list(ordered: true, next: next + 1)
            }
            block.startLine(prefix: indent + (ordered ? "\(next). " : "- "))
        }
        return .plain
    }

    /// A block element's start: a new section at the top level, a new line in a list, a space
    /// in a table cell, nothing inside `<pre>`.
    private mutating func boundary() -> Frame {
        switch containers.last {
        case nil:
            flush(as: .prose)
            return .boundary
        case .table:
            block.space()
            return .space
        case .list:
            block.breakLine(prefix: continuation)
            return .lineStart
        case .preformatted:
            return .plain
        }
    }

    private mutating func openContainer(_ container: Container) {
        if containers.isEmpty {
            flush(as: .prose)
        } else {
            _ = boundary()
        }
        containers.append(container)
        adjustDepth(of: container, by: 1)
    }

    private mutating func closeContainer() {
        guard let container = containers.popLast() else { return }
        adjustDepth(of: container, by: -1)
        if containers.isEmpty {
            flush(as: container.kind)
        } else {
            _ = boundary()
        }
        if case .preformatted = container {
            atPreformattedStart = false
        }
    }

    private mutating func adjustDepth(of container: Container, by change: Int) {
        switch container {
        case .preformatted: preformattedDepth += change
        case .list: listDepth += change
        case .table: tableDepth += change
        }
    }

    /// Enters a sectioning element: the headings met inside it end with it.
    private mutating func openScope(_ outline: PageFurniture.Outline, isMain: Bool) {
        scopes.append(SectioningScope(headingsOutside: headings, isMain: isMain))
        if isMain {
            mainDepth += 1
        }
        if outline == .separate {
            headings = []
        }
    }

    private mutating func closeScope() {
        guard let scope = scopes.popLast() else { return }
        headings = scope.headingsOutside
        if scope.isMain {
            mainDepth -= 1
        }
    }

    /// Ends the heading being read: it replaces every heading at its level or deeper.
    private mutating func endHeading() {
        guard let capture = headingCapture else { return }
        headingCapture = nil
        let text = capture.text.text(keepBlankRuns: false).split(separator: "\n").joined(separator: " ")
        guard !text.isEmpty else { return }
        while let last = headings.last, last.level >= capture.level {
            headings.removeLast()
        }
        headings.append((level: capture.level, text: text))
        headingOpened = true
    }
}
