#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat(2)` says about one path, reduced to what semfind needs: the walker, the staleness
/// check of search results, and the model's file signature.
public struct FileStatus: Sendable, Equatable {
    /// The file's type, from `st_mode`.
    public enum Kind: String, Sendable {
        case directory = "folder"
        case regular = "regular file"
        case symbolicLink = "symbolic link"
        case fifo = "FIFO"
        case socket
        case characterDevice = "character device"
        case blockDevice = "block device"
        case unknown = "file of unknown type"
    }

    /// A folder's identity across links and mounts: `(st_dev, st_ino)`.
    public struct Identity: Hashable, Sendable {
        public let device: UInt64
        public let inode: UInt64
    }

    public let kind: Kind
    public let size: Int
    /// Modification time in nanoseconds since 1970.
    public let modified: Int64
    public let identity: Identity
    /// The owner's user id (`st_uid`).
    public let owner: uid_t

    /// Reads the status from a filled-in `stat` record.
    public init(_ record: stat) {
        switch record.st_mode & S_IFMT {
        case S_IFDIR: kind = .directory
        case S_IFREG: kind = .regular
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .unknown
        }
        size = Int(record.st_size)
        #if canImport(Darwin)
            let time = record.st_mtimespec
        #else
            let time = record.st_mtim
        #endif
        modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        identity = Identity(
            device: UInt64(truncatingIfNeeded: record.st_dev), inode: UInt64(truncatingIfNeeded: record.st_ino))
        owner = record.st_uid
    }

    /// The status of `path` itself (`lstat`): a symbolic link is reported as one.
    public static func ofLink(_ path: [CChar]) -> Result<FileStatus, SystemCallError> {
        var record = stat()
        guard lstat(path, &record) == 0 else { return .failure(.current) }
        return .success(FileStatus(record))
    }

    /// The status of what `path` leads to (`stat`), following symbolic links.
    public static func ofTarget(_ path: [CChar]) -> Result<FileStatus, SystemCallError> {
        var record = stat()
        guard stat(path, &record) == 0 else { return .failure(.current) }
        return .success(FileStatus(record))
    }

    /// The status of an open file descriptor (`fstat`).
    public static func ofDescriptor(_ descriptor: Int32) -> Result<FileStatus, SystemCallError> {
        var record = stat()
        guard fstat(descriptor, &record) == 0 else { return .failure(.current) }
        return .success(FileStatus(record))
    }

    /// The status of what the text path `path` leads to (`stat`), following symbolic links.
    public static func ofTarget(_ path: String) -> Result<FileStatus, SystemCallError> {
        var record = stat()
        guard stat(path, &record) == 0 else { return .failure(.current) }
        return .success(FileStatus(record))
    }
}
