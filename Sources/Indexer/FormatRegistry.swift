import SemfindCore

/// The format plugins semfind uses, listed explicitly by the executable, and the rule that
/// picks one for a file: a known extension first, then the MIME type libmagic reports, and the
/// fallback plugin for other text.
///
/// The name decides among text formats because libmagic cannot: a markdown file that quotes
/// `<table>` or a doctype in its first lines looks like HTML to it. libmagic's verdict matters
/// only for files whose extension no plugin claims (or that have none), and the walker has
/// already used it to leave binary files out.
public struct FormatRegistry: Sendable {
    public let plugins: [any FormatPlugin]
    /// The plugin for text types no plugin claims (source code, CSV, …); nil to skip them.
    public let fallbackName: String?

    public init(_ plugins: [any FormatPlugin], fallback: String? = "text") {
        self.plugins = plugins
        fallbackName = fallback
    }

    /// MIME types that say little about the format: text for the fallback plugin's purposes.
    static let genericTypes: Set<String> = [
        "text/plain", "application/octet-stream", "inode/x-empty", "application/x-empty",
    ]

    /// The binary files the plugins read: what the walker must not skip.
    public var binaryFormats: BinaryFormats {
        let readers = plugins.filter(\.readsBinary)
        return BinaryFormats(
            mimeTypes: Set(readers.flatMap(\.mimeTypes)), extensions: Set(readers.flatMap(\.extensions)))
    }

    /// The plugin for a file of `mimeType` and `charset` (libmagic's) at `path`, or nil when no
    /// plugin reads it.
    public func plugin(mimeType: String, charset: String, path: String) -> (any FormatPlugin)? {
        if FileTypeDetector.FileType.isBinary(mimeType: mimeType, charset: charset) {
            let readers = plugins.filter(\.readsBinary)
            let fileExtension = Self.fileExtension(of: path)
            return readers.first { $0.mimeTypes.contains(mimeType) }
                ?? readers.first { fileExtension.map($0.extensions.contains) == true }
        }
        if let fileExtension = Self.fileExtension(of: path),
            let byExtension = plugins.first(where: { $0.extensions.contains(fileExtension) })
        {
            return byExtension
        }
        if let byType = plugins.first(where: { $0.mimeTypes.contains(mimeType) }) { return byType }
        let isText = mimeType.hasPrefix("text/") || Self.genericTypes.contains(mimeType)
        return isText ? plugins.first { $0.name == fallbackName } : nil
    }

    static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}
