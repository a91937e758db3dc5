import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the start of a file safely: never blocks on a FIFO, never reads more than asked.
enum FileReader {
    /// Why a file's bytes could not be read.
    enum Failure: Error, Equatable {
        /// A system call failed; the error says which and why.
        case system(SystemCallError)
        /// The path turned out not to be a regular file when opened.
        case notRegular(FileStatus.Kind)
    }

    /// The first bytes of a file and its status at the time of reading.
    struct Prefix {
        let bytes: [UInt8]
        let status: FileStatus
    }

    /// Opens `path` without blocking, checks that it is a regular file, and reads at most `limit` bytes.
    static func prefix(of path: [CChar], limit: Int) -> Result<Prefix, Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.system(.current)) }
        defer { close(descriptor) }
        let status: FileStatus
        switch FileStatus.ofDescriptor(descriptor) {
        case .success(let found): status = found
        case .failure(let error): return .failure(.system(error))
        }
        guard status.kind == .regular else { return .failure(.notRegular(status.kind)) }
        var bytes = [UInt8](repeating: 0, count: max(0, min(limit, status.size)))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(.system(.current)) }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return .success(Prefix(bytes: bytes, status: status))
    }
}
