/// The binary files some plugin reads, by MIME type or extension: the walker keeps these and
/// skips every other binary file unread.
public struct BinaryFormats: Sendable, Equatable {
    /// MIME types as libmagic reports them, e.g. "application/pdf".
    public var mimeTypes: Set<String>
    /// Lowercase extensions without the dot, e.g. "pdf".
    public var extensions: Set<String>

    /// None: every binary file is skipped.
    public init(mimeTypes: Set<String> = [], extensions: Set<String> = []) {
        self.mimeTypes = mimeTypes
        self.extensions = extensions
    }

    /// Whether a binary file of `mimeType` at `path` is one a plugin reads.
    public func claims(mimeType: String, path: String) -> Bool {
        mimeTypes.contains(mimeType) || PathText.fileExtension(of: path).map(extensions.contains) == true
    }
}
