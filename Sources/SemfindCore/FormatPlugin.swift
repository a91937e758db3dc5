/// What a format plugin made of one file.
public struct ParsedDocument: Sendable, Equatable, Codable {
    /// The document's own title (front matter, `<title>`), if it declares one.
    public var title: String?
    /// The blocks of the document, in file order.
    public var sections: [Section]
    /// Problems worth telling the user that did not stop parsing, one line each
    /// (e.g. "not valid UTF-8: decoded as windows-1252"); the caller adds the file's path.
    public var warnings: [String]

    public init(title: String? = nil, sections: [Section], warnings: [String] = []) {
        self.title = title
        self.sections = sections
        self.warnings = warnings
    }
}

/// A file format semfind can read: claims files by MIME type or extension, and turns a
/// document's bytes into sections.
///
/// A plugin is a value with no global state; the executable lists the plugins it uses in one
/// explicit `FormatRegistry`. Parsing must never crash on any input: malformed input yields
/// what text can be recovered (and a warning), or a `SemfindError` with code `.invalidInput`.
public protocol FormatPlugin: Sendable {
    /// Short lowercase name, used in the index and by `--type` (e.g. "markdown").
    var name: String { get }
    /// Bumped whenever the plugin's output changes for the same input, so that files it parsed
    /// are parsed again.
    var version: Int { get }
    /// MIME types (as libmagic reports them) this plugin reads, e.g. "text/markdown".
    var mimeTypes: Set<String> { get }
    /// Lowercase file extensions without the dot, e.g. "md". A file with one of them is this
    /// plugin's whatever libmagic says of its contents (as long as they are not binary).
    var extensions: Set<String> { get }
    /// Whether the plugin reads a binary format (PDF, a zip of XML): then the walk keeps the
    /// binary files its MIME types or extensions claim, and only such plugins get binary files.
    var readsBinary: Bool { get }

    /// Parses a whole file. `bytes` are the file's bytes as stored on disk; spans refer to them.
    func parse(_ bytes: [UInt8]) throws -> ParsedDocument

    /// The charset label a file declares in its own bytes (HTML's `<meta charset>`), which its
    /// text is decoded in when the bytes fit it (`CharsetChoice`); nil (the default) for formats
    /// that declare none.
    func declaredCharset(in bytes: [UInt8]) -> String?

    /// Parses a whole file whose caller may have decoded it already: `decoded` is then
    /// `DecodedText(bytes, declared: declaredCharset(in: bytes))`, which the indexer makes once
    /// per text file and keeps for the chunks' spans. A plugin that reads `DecodedText` takes it
    /// instead of decoding the bytes again; the default, for every other plugin, parses the bytes.
    func parse(_ bytes: [UInt8], decoded: DecodedText?) throws -> ParsedDocument
}

extension FormatPlugin {
    /// Text formats are the rule.
    public var readsBinary: Bool { false }

    public func declaredCharset(in bytes: [UInt8]) -> String? { nil }

    public func parse(_ bytes: [UInt8], decoded: DecodedText?) throws -> ParsedDocument {
        try parse(bytes)
    }
}
