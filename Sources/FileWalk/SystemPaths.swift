#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parts of the file system that describe the running system rather than hold a person's
/// files: /proc, /sys and /dev. semfind never reads from them, whatever a link says.
enum SystemPaths {
    /// The folders whose contents are never read.
    static let folders = ["/proc", "/sys", "/dev"]

    /// Whether the resolved path `path` is one of `folders` or inside one.
    static func contains(_ path: String) -> Bool {
        folders.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// `path` with every symbolic link and "." or ".." resolved, or `nil` when it cannot be.
    static func resolved(_ path: [CChar]) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether an open descriptor's file is in one of `folders`, however it was reached (a link
    /// swapped in after the walk checked it): Linux names a descriptor's file in /proc/self/fd.
    static func holds(_ descriptor: Int32) -> Bool {
        #if os(Linux)
            return resolved(PathText.cPath("/proc/self/fd/\(descriptor)")).map(contains) ?? false
        #else
            return false
        #endif
    }
}
