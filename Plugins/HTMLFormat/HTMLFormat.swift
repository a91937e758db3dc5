import SemfindCore

/// Reads HTML and XHTML pages through libxml2's forgiving HTML parser: the `<title>`, the
/// `<h1>`–`<h6>` hierarchy, and the visible text as sections with line and byte spans.
///
/// Each paragraph-like block (`p`, `div` text, `blockquote` paragraphs, `dd`, …) is a prose
/// section; a `<pre>` is one code section, kept as written; the outermost list is one list
/// section (items on their own lines, marked "- " or "1. ", nested items indented); a data table
/// is one table section (a line per row, cells joined by " | "), while a table that holds
/// headings or other tables lays out a page and is read as ordinary blocks. Scripts, styles,
/// templates, navigation, embedded frames and graphics, and hidden elements are never read, nor
/// is page furniture (`PageFurniture`): landmarks of navigation, search, banners and page
/// footers, permalink signs, everything outside the main content when the page marks it, and
/// blocks of links when it does not.
///
/// Lines come from libxml2 (see `LineEstimator`); byte spans run from the start of a section's
/// first line to the end of its last, found by indexing the file's line starts.
public struct HTMLFormat: FormatPlugin {
    public let name = "html"
    public let version = 3
    public let mimeTypes: Set<String> = ["text/html", "application/xhtml+xml"]
    public let extensions: Set<String> = ["html", "htm", "xhtml"]

    /// Whether pages are documents (an e-book's chapters) rather than a site's pages: then a
    /// `header` or `footer` of the page and blocks of links are read as content; navigation and
    /// search landmarks and permalinks are still left out.
    public let readsPagesAsDocuments: Bool

    public init(readsPagesAsDocuments: Bool = false) {
        self.readsPagesAsDocuments = readsPagesAsDocuments
    }

    /// Parses a page; never fails on malformed markup, which yields what text libxml2 recovers.
    ///
    /// The bytes are decoded first, by `CharsetChoice` (a byte order mark, then the declared
    /// charset if the bytes are valid in it, then UTF-8, then windows-1252), and libxml2 reads
    /// the result as UTF-8: its own decoding stops at the first byte the declared charset cannot
    /// map and drops the rest of the page.
    ///
    /// Throws `SemfindError` (`.invalidInput`) only for a page over libxml2's 2 GiB limit.
    public func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
        try parse(bytes, decoded: nil)
    }

    /// The charset the page declares (`<meta charset>`, an XML declaration): the indexer decodes
    /// the page in it once and hands the result to `parse(_:decoded:)`.
    public func declaredCharset(in bytes: [UInt8]) -> String? {
        DeclaredCharset.label(in: bytes)
    }

    /// Parses a page that the caller may have decoded already (`decoded` is then
    /// `DecodedText(bytes, declared: declaredCharset(in: bytes))`): its text is taken instead of
    /// decoding the bytes again, except in a legacy charset (`DecodedText.wholeText`).
    public func parse(_ bytes: [UInt8], decoded: DecodedText?) throws -> ParsedDocument {
        guard bytes.contains(where: { !$0.isASCIIWhitespace }) else { return ParsedDocument(sections: []) }
        let charset = decoded?.charset ?? CharsetChoice(bytes, declared: DeclaredCharset.label(in: bytes))
        let text = Array((decoded?.wholeText(of: bytes) ?? charset.decode(bytes)).utf8)
        guard text.count <= Int(Int32.max) else {
            throw SemfindError(
                .invalidInput, "HTML file of \(text.count) bytes of UTF-8 is over libxml2's 2 GiB limit: exclude it")
        }
        let lineIndex = LineIndex(bytes)
        let outcome = HTMLTreeReader.read(text) { document in
            var collector = SectionCollector(
                lineIndex: lineIndex, readsOnlyMain: PageFurniture.pageMarksMain(document),
                isDocument: readsPagesAsDocuments)
            TreeWalker.walk(document, with: &collector)
            return collector.finish()
        }
        var warnings = charset.warning.map { [$0] } ?? []
        if outcome.stoppedEarly {
            warnings.append("libxml2 stopped before the end of the page: the rest of its text is missing")
        }
        guard var document = outcome.result else {
            warnings.append("libxml2 returned no document: no text extracted")
            return ParsedDocument(sections: [], warnings: warnings)
        }
        document.warnings = warnings + document.warnings
        return document
    }
}
