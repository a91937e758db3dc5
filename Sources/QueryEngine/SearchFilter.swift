import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// components; `*` never crosses a `/`.
    static func glob(_ pattern: String, matches path: String) -> Bool {
        if pattern.hasPrefix("/") { return fnmatch(pattern, path, FNM_PATHNAME) == 0 }
        if !pattern.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return fnmatch(pattern, name, 0) == 0
        }
        var suffixes = [path]
        for index in path.indices where path[index] == "/" {
            suffixes.append(String(path[path.index(after: index)...]))
        }
        return suffixes.contains { fnmatch(pattern, $0, FNM_PATHNAME) == 0 }
    }
}
