import FileWalk
import SemfindCore

/// The format plugins semfind uses, listed explicitly by the executable, and the rule that
/// picks one for a file: a known extension first, then the MIME type libmagic reports, and the
/// fallback plugin for other text.
///
/// The name decides among text formats because libmagic cannot: a markdown file that quotes
/// `<table>` or a doctype in its first lines looks like HTML to it. libmagic's verdict matters
/// only for files whose extension no plugin claims (or that have none), and the walker has
/// already used it to leave binary files out (for plainly text files of the extensions that
/// decide, the walker does not even ask it: `extensionsThatDecide`).
///
/// Declared plugins (the user's plugins file) come before all others: one that claims a file's
/// extension, or else its MIME type, takes it (a binary file only if it `readsBinary`).
public struct FormatRegistry: Sendable {
    /// The declared plugins first, then the built-in ones.
    public let plugins: [any FormatPlugin]
    /// How many of `plugins` are declared.
    public let declaredCount: Int
    /// The plugin for text types no plugin claims (source code, CSV, …); nil to skip them.
    public let fallbackName: String?

    public init(_ plugins: [any FormatPlugin], declared: [any FormatPlugin] = [], fallback: String? = "text") {
        self.plugins = declared + plugins
        declaredCount = declared.count
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

    /// The extensions whose plugin a text file's name alone picks, whatever its MIME type: every
    /// plugin's, unless a declared plugin claims MIME types (a text file's type could then pick
    /// it over a built-in plugin's extension), in which case the declared plugins' only. The
    /// walker types such files without libmagic when their bytes are plainly text.
    public var extensionsThatDecide: Set<String> {
        let declared = plugins.prefix(declaredCount)
        let decisive = declared.allSatisfy(\.mimeTypes.isEmpty) ? plugins[...] : declared
        return Set(decisive.flatMap(\.extensions))
    }

    /// The plugin for a file of `mimeType` and `charset` (libmagic's) at `path`, or nil when no
    /// plugin reads it.
    public func plugin(mimeType: String, charset: String, path: String) -> (any FormatPlugin)? {
        let isBinary = FileType.isBinary(mimeType: mimeType, charset: charset)
        let fileExtension = PathText.fileExtension(of: path)
        let declared = plugins.prefix(declaredCount).filter { $0.readsBinary || !isBinary }
        if let chosen = declared.first(where: { fileExtension.map($0.extensions.contains) == true })
            ?? declared.first(where: { $0.mimeTypes.contains(mimeType) })
        {
            return chosen
        }
        if isBinary {
            let readers = plugins.filter(\.readsBinary)
            return readers.first { $0.mimeTypes.contains(mimeType) }
                ?? readers.first { fileExtension.map($0.extensions.contains) == true }
        }
        if let fileExtension,
            let byExtension = plugins.first(where: { $0.extensions.contains(fileExtension) })
        {
            return byExtension
        }
        if let byType = plugins.first(where: { $0.mimeTypes.contains(mimeType) }) { return byType }
        let isText = mimeType.hasPrefix("text/") || Self.genericTypes.contains(mimeType)
        return isText ? plugins.first { $0.name == fallbackName } : nil
    }
}
