import Foundation
import SemfindCore

/// Which files a search may return, decided before ranking so that a filter never empties a
/// result list that has matches: under any of `folders`, matching any of `globs`, parsed by any
/// of `plugins` (each list empty means no restriction).
public struct SearchFilter: Sendable, Equatable {
    /// Absolute folder paths, without a trailing slash.
    public var folders: [String]
    /// Shell patterns: without a `/` they match the file name, with one the path's last components.
    public var globs: [String]
    /// Format plugin names (`markdown`, `html`, `text`).
    public var plugins: [String]

    public init(folders: [String] = [], globs: [String] = [], plugins: [String] = []) {
        self.folders = folders.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.globs = globs
        self.plugins = plugins
    }

    public var isEmpty: Bool { folders.isEmpty && globs.isEmpty && plugins.isEmpty }

    public func accepts(path: String, plugin: String) -> Bool {
        (plugins.isEmpty || plugins.contains(plugin))
            && (folders.isEmpty || folders.contains { path.hasPrefix($0 == "/" ? $0 : $0 + "/") })
            && (globs.isEmpty || globs.contains { Self.glob($0, matches: path) })
    }

    /// A pattern with a `/` matches the whole path (when it starts with `/`) or the path's last
    /// components; `*` never crosses a `/`, `**` does. The dialect is the ignore files' (`Glob`).
    static func glob(_ pattern: String, matches path: String) -> Bool {
        let glob = Glob(pattern)
        if pattern.hasPrefix("/") { return glob.matches(path) }
        let scalars = Array(path.unicodeScalars)
        if !pattern.contains("/") {
            let nameStart = scalars.lastIndex(of: "/").map { $0 + 1 } ?? 0
            return glob.matches(scalars[nameStart...])
        }
        return glob.matches(scalars[...])
            || scalars.indices.contains { scalars[$0] == "/" && glob.matches(scalars[($0 + 1)...]) }
    }
}
