import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One open file, read from the descriptor that was checked: what is read is what was examined.
///
/// Opening never blocks (a FIFO put in a file's place opens at once and is refused as not
/// regular), a path that was no symbolic link when walked is opened without following one, and
/// the descriptor's own status decides: a regular file, not in /proc, /sys or /dev, and (when the walk
/// saw it) the same file the walk saw. Reads stop at a byte limit, so a file that grows while it
/// is read costs no more than the limit.
final class FileReader {
    /// Why a file's bytes could not be read.
    enum Failure: Error, Equatable {
        /// A system call failed; the error says which and why.
        case system(SystemCallError)
        /// The path turned out not to be a regular file when opened.
        case notRegular(FileStatus.Kind)
        /// The path leads to another file than the one the walk examined: it was replaced.
        case replaced
        /// The file is in /proc, /sys or /dev, which semfind never reads.
        case systemFile
    }

    /// The descriptor's status when it was opened.
    let status: FileStatus
    private let descriptor: Int32

    private init(descriptor: Int32, status: FileStatus) {
        self.descriptor = descriptor
        self.status = status
    }

    deinit { close(descriptor) }

    /// Opens `path` for reading and checks the descriptor.
    ///
    /// - Parameters:
    ///   - followingLink: whether the last component may be a symbolic link (the walk followed it).
    ///   - expected: the identity the walk found at `path`; another file there is `.replaced`.
    static func opening(
        _ path: [CChar], followingLink: Bool = true, expected: FileStatus.Identity? = nil
    ) -> Result<FileReader, Failure> {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            // O_NOFOLLOW on a path that has become a symbolic link fails with ELOOP.
            return .failure(!followingLink && errno == ELOOP ? .replaced : .system(.current))
        }
        let status: FileStatus
        switch FileStatus.ofDescriptor(descriptor) {
        case .success(let found): status = found
        case .failure(let error):
            close(descriptor)
            return .failure(.system(error))
        }
        let file = FileReader(descriptor: descriptor, status: status)
        guard status.kind == .regular else { return .failure(.notRegular(status.kind)) }
        if let expected, status.identity != expected { return .failure(.replaced) }
        guard !SystemPaths.holds(descriptor) else { return .failure(.systemFile) }
        return .success(file)
    }

    /// Appends to `bytes` until it holds `limit` bytes or the file ends.
    func readBytes(into bytes: inout [UInt8], upTo limit: Int) -> Result<Void, Failure> {
        let chunkSize = 64 << 10
        while bytes.count < limit {
            let wanted = min(chunkSize, limit - bytes.count)
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: wanted))
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + start }, wanted)
            }
            let interrupted = count < 0 && errno == EINTR
            let failure = count < 0 ? SystemCallError.current : nil
            bytes.removeSubrange((start + max(0, count))...)
            if interrupted { continue }
            if let failure { return .failure(.system(failure)) }
            if count == 0 { break }
        }
        return .success(())
    }

    /// The first `limit` bytes of the file at `path` (following links) and its status.
    static func prefix(of path: [CChar], limit: Int) -> Result<(bytes: [UInt8], status: FileStatus), Failure> {
        opening(path).flatMap { file in
            var bytes: [UInt8] = []
            return file.readBytes(into: &bytes, upTo: limit).map { (bytes, file.status) }
        }
    }
}
