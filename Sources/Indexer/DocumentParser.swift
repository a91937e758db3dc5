import SemfindCore

/// How the indexer has a plugin turn a file's bytes into a document: in this process, or
/// somewhere a crash cannot reach it (the executable's parse worker). One producer thread owns
/// an instance for one run; `IndexOptions.parser` makes it.
public protocol DocumentParser: AnyObject {
    /// What `plugin` makes of `bytes` (and of `decoded`, their lines, for a text format: see
    /// `FormatPlugin.parse(_:decoded:)`). Throws `SemfindError` with a one-line message when the
    /// file cannot be read (the plugin's own error, or what became of the process parsing it).
    func parse(_ bytes: [UInt8], decoded: DecodedText?, with plugin: any FormatPlugin) throws -> ParsedDocument
}

/// Parses in this process: a plugin's crash is the run's.
public final class InProcessParser: DocumentParser {
    public init() {}

    public func parse(_ bytes: [UInt8], decoded: DecodedText?, with plugin: any FormatPlugin) throws -> ParsedDocument {
        try plugin.parse(bytes, decoded: decoded)
    }
}
