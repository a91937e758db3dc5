/// What a file's first bytes say it holds: a MIME type and a character set, as libmagic names them.
public struct FileType: Sendable, Equatable {
    /// E.g. "text/html", "application/octet-stream".
    public let mimeType: String
    /// E.g. "utf-8", "us-ascii", "utf-16le", "binary".
    public let charset: String

    public init(mimeType: String, charset: String) {
        self.mimeType = mimeType
        self.charset = charset
    }

    /// Binary content that is not text: the walker skips it unless a plugin reads it.
    public var isBinary: Bool { Self.isBinary(mimeType: mimeType, charset: charset) }

    /// The verdict of binary content: no character set, and not a text type.
    public static func isBinary(mimeType: String, charset: String) -> Bool {
        charset == "binary" && !mimeType.hasPrefix("text/")
    }
}
