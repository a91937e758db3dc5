/// A regular file the walker found, sized, dated and typed, ready for a format plugin.
public struct WalkedFile: Sendable, Equatable {
    /// The root the file was found under, as given, made absolute and standardized.
    public let root: String
    /// The file's absolute path: `root` joined with `relativePath` (a symlink's own path, not its target's).
    public let path: String
    /// The path below `root`, "/"-separated; for a root that is itself a file, the file's name.
    public let relativePath: String
    /// Size in bytes (of the target, for a symlink).
    public let size: Int
    /// Last modification time in nanoseconds since 1970-01-01 UTC.
    public let modified: Int64
    /// The MIME type the walker's typer gives the first bytes (libmagic's, of 64 KiB, for
    /// `semfind index`), e.g. "text/html".
    public let mimeType: String
    /// The character set the typer gives the first bytes, e.g. "utf-8", "us-ascii", "utf-16le".
    ///
    /// It describes the sample only: decode "us-ascii" as UTF-8, since a non-ASCII character
    /// may come later in the file.
    public let charset: String
    /// Set when the walker's caller knew the file as indexed at this size and time: the file
    /// was neither read nor typed (`mimeType` and `charset` are empty).
    public let knownUnchanged: Bool
    /// The file's bytes, read from the descriptor that was typed and checked (at most the size
    /// limit); `nil` when the walk did not read the file (`knownUnchanged`, or the walker has no typer).
    public let content: [UInt8]?

    /// A walked file from its parts; the walker makes these, tests and callers may too.
    public init(
        root: String, path: String, relativePath: String, size: Int, modified: Int64, mimeType: String,
        charset: String, knownUnchanged: Bool = false, content: [UInt8]? = nil
    ) {
        self.root = root
        self.path = path
        self.relativePath = relativePath
        self.size = size
        self.modified = modified
        self.mimeType = mimeType
        self.charset = charset
        self.knownUnchanged = knownUnchanged
        self.content = content
    }
}
