/// Writes small PDFs for tests: pages of text lines in Helvetica, pages with only an image,
/// an information dictionary's title and an outline of bookmarks, with a correct xref table.
public struct PDFWriter: Sendable {
    /// One page: lines of text from the top down, or none and an image (no text layer). A tab in
    /// a line starts a run of text 36 points to the right in the same text object, as troff
    /// writes a tagged paragraph's tag and description.
    public struct Page: Sendable {
        public var lines: [String]
        public var image: Bool

        public init(lines: [String]) {
            self.lines = lines
            self.image = false
        }

        /// A page with a grey image and no text, as a scanned page is.
        public static var imageOnly: Page {
            var page = Page(lines: [])
            page.image = true
            return page
        }
    }

    /// A bookmark pointing to a line of a page (to its top when `line` is nil).
    public struct Bookmark: Sendable {
        public var title: String
        /// 1-based.
        public var page: Int
        /// 1-based line of the page the bookmark points at, or nil for the page as a whole.
        public var line: Int?
        public var children: [Bookmark]

        public init(_ title: String, page: Int, line: Int? = nil, children: [Bookmark] = []) {
            self.title = title
            self.page = page
            self.line = line
            self.children = children
        }
    }

    public var title: String?
    public var pages: [Page]
    public var outline: [Bookmark]
    /// Whether bookmarks point through named destinations (the catalog's `/Dests`) rather than
    /// to their pages directly.
    public var namedDestinations = false

    public init(title: String? = nil, pages: [Page], outline: [Bookmark] = []) {
        self.title = title
        self.pages = pages
        self.outline = outline
    }

    static let pageHeight = 792
    static let lineHeight = 16

    /// The baseline of a page's line (1-based), in PDF points from the page's bottom.
    static func baseline(_ line: Int) -> Int { pageHeight - 60 - lineHeight * (line - 1) }

    /// The document's bytes.
    public func bytes() -> [UInt8] {
        var objects: [String] = []
        func add(_ body: String) -> Int {
            objects.append(body)
            return objects.count
        }
        let catalog = add("")
        let pageTree = add("")
        let font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let info = title.map { add("<< /Title \(Self.literal($0)) /Producer (semfind tests) >>") }
        var pageIDs: [Int] = []
        for page in pages {
            let content = Self.content(page)
            let stream = add("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
            pageIDs.append(
                add(
                    "<< /Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 612 \(Self.pageHeight)] "
                        + "/Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(stream) 0 R >>"))
        }
        objects[pageTree - 1] =
            "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>"
        var outlineEntry = ""
        var destinations: [String] = []
        if !outline.isEmpty {
            let root = add("")
            let (first, last, count) = addBookmarks(
                outline, parent: root, pageIDs: pageIDs, objects: &objects, destinations: &destinations)
            objects[root - 1] = "<< /Type /Outlines /First \(first) 0 R /Last \(last) 0 R /Count \(count) >>"
            outlineEntry = " /Outlines \(root) 0 R /PageMode /UseOutlines"
            if namedDestinations {
                let names = destinations.enumerated().map { "/d\($0.offset + 1) \($0.element)" }
                outlineEntry += " /Dests << \(names.joined(separator: " ")) >>"
            }
        }
        objects[catalog - 1] = "<< /Type /Catalog /Pages \(pageTree) 0 R\(outlineEntry) >>"
        return Self.serialize(objects, root: catalog, info: info)
    }

    /// Adds `bookmarks` (siblings under `parent`) and their children; returns the first and last
    /// sibling's object numbers and how many entries they hold, children included.
    private func addBookmarks(
        _ bookmarks: [Bookmark], parent: Int, pageIDs: [Int], objects: inout [String], destinations: inout [String]
    ) -> (first: Int, last: Int, count: Int) {
        let ids = bookmarks.map { _ in
            objects.append("")
            return objects.count
        }
        var count = bookmarks.count
        for (index, bookmark) in bookmarks.enumerated() {
            let top = bookmark.line.map { "/XYZ 0 \(Self.baseline($0) + 12) 0" } ?? "/Fit"
            var body = "<< /Title \(Self.literal(bookmark.title)) /Parent \(parent) 0 R "
            let destination = "[\(pageIDs[bookmark.page - 1]) 0 R \(top)]"
            if namedDestinations {
                destinations.append(destination)
                body += "/Dest /d\(destinations.count)"
            } else {
                body += "/Dest \(destination)"
            }
            if index > 0 { body += " /Prev \(ids[index - 1]) 0 R" }
            if index + 1 < ids.count { body += " /Next \(ids[index + 1]) 0 R" }
            if !bookmark.children.isEmpty {
                let children = addBookmarks(
                    bookmark.children, parent: ids[index], pageIDs: pageIDs, objects: &objects,
                    destinations: &destinations)
                body += " /First \(children.first) 0 R /Last \(children.last) 0 R /Count \(children.count)"
                count += children.count
            }
            objects[ids[index] - 1] = body + " >>"
        }
        return (ids[0], ids[ids.count - 1], count)
    }

    private static func content(_ page: Page) -> String {
        var content = ""
        if page.image {
            content += "q 400 0 0 300 100 400 cm BI /W 2 /H 2 /CS /G /BPC 8 ID 8080 EI Q\n"
        }
        for (index, line) in page.lines.enumerated() {
            content += "BT /F1 10 Tf"
            for (column, run) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                content += " 1 0 0 1 \(72 + 36 * column) \(baseline(index + 1)) Tm \(literal(String(run))) Tj"
            }
            content += " ET\n"
        }
        return content
    }

    /// A PDF literal string of `text` (Latin-1 characters; others become "?").
    static func literal(_ text: String) -> String {
        var result = "("
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", ")", "\\": result += "\\" + String(scalar)
            case " "..."~": result.unicodeScalars.append(scalar)
            case "\u{A0}"..."\u{FF}": result += "\\" + String(scalar.value, radix: 8)
            default: result += "?"
            }
        }
        return result + ")"
    }

    /// A PDF file of `objects` (numbered from 1) with a correct cross-reference table, its
    /// catalog object `root` and its document information object `info`, if any.
    public static func serialize(_ objects: [String], root: Int, info: Int? = nil) -> [UInt8] {
        var output: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        let infoEntry = info.map { " /Info \($0) 0 R" } ?? ""
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R\(infoEntry) >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }
}
