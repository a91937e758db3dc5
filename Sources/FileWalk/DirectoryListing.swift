import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a folder's entry names as raw bytes (`readdir`), so newlines and non-UTF-8 bytes survive.
enum DirectoryListing {
    /// The names in the folder at `path`, without "." and "..", sorted by their bytes.
    ///
    /// The folder is opened, read to the end and closed before this returns, so a deep walk
    /// holds no descriptors open.
    static func names(in path: [CChar]) -> Result<[[UInt8]], SystemCallError> {
        guard let folder = opendir(path) else { return .failure(.current) }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { return .failure(.current) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return .success(names)
    }
}
