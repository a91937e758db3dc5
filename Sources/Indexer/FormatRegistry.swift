import SemfindCore

/// The format plugins semfind uses, listed explicitly by the executable, and the rule that
/// picks one for a file: the MIME type libmagic reports, with the extension as tie-break when
/// that type is generic, and the fallback plugin for other text.
public struct FormatRegistry: Sendable {
    public let plugins: [any FormatPlugin]
    /// The plugin for text types no plugin claims (source code, CSV, …); nil to skip them.
    public let fallbackName: String?

    public init(_ plugins: [any FormatPlugin], fallback: String? = "text") {
        self.plugins = plugins
        fallbackName = fallback
    }

    /// MIME types that say little about the format: the extension decides for them.
    static let genericTypes: Set<String> = [
        "text/plain", "application/octet-stream", "inode/x-empty", "application/x-empty",
    ]

    /// The plugin for a file of `mimeType` at `path`, or nil when no plugin reads it.
    public func plugin(mimeType: String, path: String) -> (any FormatPlugin)? {
        let fileExtension = Self.fileExtension(of: path)
        let byExtension = fileExtension.flatMap { name in plugins.first { $0.extensions.contains(name) } }
        if Self.genericTypes.contains(mimeType), let byExtension { return byExtension }
        if let byType = plugins.first(where: { $0.mimeTypes.contains(mimeType) }) { return byType }
        if let byExtension { return byExtension }
        let isText = mimeType.hasPrefix("text/") || Self.genericTypes.contains(mimeType)
        return isText ? plugins.first { $0.name == fallbackName } : nil
    }

    static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}
