#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An index holds the text of every file it indexed, so what semfind creates for one is its
/// owner's alone: folders 0700, files 0600 (a stricter umask makes them stricter still).
/// Folders and files that exist already keep the modes their owner gave them.
public enum PrivateFiles {
    /// The mode of every file semfind creates for an index.
    public static let fileMode: mode_t = 0o600
    /// The mode of every folder semfind creates on the way to an index.
    public static let folderMode: mode_t = 0o700

    /// Creates `folder` and any missing folder above it, each 0700.
    ///
    /// - Throws: `SemfindError` `.io` naming the folder that could not be made.
    public static func makeFolders(_ folder: String) throws {
        var path = ""
        for component in folder.split(separator: "/") {
            path += "/" + component
            guard mkdir(path, folderMode) != 0 else { continue }
            let number = errno
            guard number == EEXIST else {
                let reason = String(cString: strerror(number))
                throw SemfindError(.io, "cannot create the folder \(path): \(reason)")
            }
        }
    }

    /// Creates the empty file `path` 0600 when nothing is there (a file that exists is left as it is).
    ///
    /// - Throws: `SemfindError` `.io` when the file can neither be created nor found.
    public static func createFile(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        let number = errno
        guard number == EEXIST else {
            throw SemfindError(.io, "cannot create \(path): \(String(cString: strerror(number)))")
        }
    }

    /// The permission bits of `path` that let users other than its owner in (0 when none do,
    /// `nil` when it cannot be examined).
    public static func othersAccess(_ path: String) -> mode_t? {
        var record = stat()
        guard stat(path, &record) == 0 else { return nil }
        return record.st_mode & 0o077
    }
}
