import ZippedXML

/// The labels a book's table of contents gives its chapters: from the EPUB 3 navigation
/// document (`<a href>` in its `<nav>` elements) or the EPUB 2 NCX (`navLabel` and `content`
/// of each `navPoint`), by the part each entry points to. The first entry for a part wins.
enum EPUBNavigation {
    /// Labels by part name, from the navigation document `part`.
    static func labels(navigation bytes: [UInt8], part: String) throws -> [String: String] {
        var labels: [String: String] = [:]
        var navDepth = 0
        var link: (target: String, text: String)?
        try XMLStream.read(bytes, part: part) { event in
            switch event {
            case .start(let element):
                if element.localName == "nav" { navDepth += 1 }
                if navDepth > 0, element.localName == "a", let href = element.attribute("href") {
                    link = (PartName.resolve(href, from: part), "")
                }
            case .end(let name):
                if name == "nav" { navDepth -= 1 }
                if name == "a", let finished = link {
                    add(finished.text, for: finished.target, to: &labels)
                    link = nil
                }
            case .text(let text):
                link?.text += text
            }
        }
        return labels
    }

    /// Labels by part name, from the NCX `part`.
    static func labels(ncx bytes: [UInt8], part: String) throws -> [String: String] {
        var labels: [String: String] = [:]
        var pending: [String] = []
        var textDepth = 0
        try XMLStream.read(bytes, part: part) { event in
            switch event {
            case .start(let element):
                switch element.localName {
                case "navPoint": pending.append("")
                case "text": textDepth += 1
                case "content":
                    if let source = element.attribute("src"), let label = pending.last {
                        add(label, for: PartName.resolve(source, from: part), to: &labels)
                    }
                default: break
                }
            case .end(let name):
                if name == "navPoint" { _ = pending.popLast() }
                if name == "text" { textDepth -= 1 }
            case .text(let text):
                if textDepth > 0, !pending.isEmpty { pending[pending.count - 1] += text }
            }
        }
        return labels
    }

    private static func add(_ label: String, for target: String, to labels: inout [String: String]) {
        let text = InlineText.collapsed(label)
        if !text.isEmpty, labels[target] == nil { labels[target] = text }
    }
}
