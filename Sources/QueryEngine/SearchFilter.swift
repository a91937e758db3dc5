import Foundation
import SemfindCore

/// Which files a search may return, decided before ranking so that a filter never empties a
/// result list that has matches: under any of `folders`, matching any of `globs`, parsed by any
/// of `plugins` (each list empty means no restriction).
public struct SearchFilter: Sendable, Equatable {
    /// Absolute folder paths, without a trailing slash.
    public let folders: [String]
    /// Patterns as ignore files write them: without a `/` they match the file name, with one
    /// the whole path (when it starts with `/`) or the path's last components.
    public let globs: [String]
    /// Format plugin names (`markdown`, `html`, `text`).
    public let plugins: [String]
    /// `globs` compiled once, for every file a search checks.
    private let patterns: [PathPattern]

    public init(folders: [String] = [], globs: [String] = [], plugins: [String] = []) {
        self.folders = folders.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.globs = globs
        self.plugins = plugins
        patterns = globs.map(PathPattern.init)
    }

    public var isEmpty: Bool { folders.isEmpty && globs.isEmpty && plugins.isEmpty }

    public func accepts(path: String, plugin: String) -> Bool {
        (plugins.isEmpty || plugins.contains(plugin))
            && (folders.isEmpty || folders.contains { path.hasPrefix($0 == "/" ? $0 : $0 + "/") })
            && (patterns.isEmpty || patterns.contains { $0.matches(path) })
    }
}

/// One `--glob`: `*` never crosses a `/`, `**` does; the dialect is the ignore files' (`Glob`).
private struct PathPattern: Sendable, Equatable {
    enum Reach: Sendable, Equatable {
        /// Starts with `/`: the whole path.
        case wholePath
        /// No `/`: the file name.
        case name
        /// A `/` inside: the path's last components, as many as match.
        case lastComponents
    }

    let glob: Glob
    let reach: Reach

    init(_ pattern: String) {
        glob = Glob(pattern)
        reach = pattern.hasPrefix("/") ? .wholePath : pattern.contains("/") ? .lastComponents : .name
    }

    func matches(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars)
        switch reach {
        case .wholePath:
            return glob.matches(scalars[...])
        case .name:
            let nameStart = scalars.lastIndex(of: "/").map { $0 + 1 } ?? 0
            return glob.matches(scalars[nameStart...])
        case .lastComponents:
            return glob.matches(scalars[...])
                || scalars.indices.contains { scalars[$0] == "/" && glob.matches(scalars[($0 + 1)...]) }
        }
    }
}
