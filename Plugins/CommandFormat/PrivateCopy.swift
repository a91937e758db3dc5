import Foundation
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes semfind checked, written to a file of their own for a command to read: 0600 in a
/// fresh 0700 folder under `TMPDIR`, so the command reads exactly them even when the original
/// file changes meanwhile, and nobody else reads them. Removed by `remove()`.
struct PrivateCopy {
    /// The copy's path: what `{path}` in a command becomes.
    let path: String
    private let folder: String

    init(_ bytes: [UInt8]) throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/semfind-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw SemfindError(.io, "cannot make a private folder in \(base): \(String(cString: strerror(errno)))")
        }
        folder = String(cString: made)
        path = folder + "/input"
        let writer = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, PrivateFiles.fileMode)
        let written = writer < 0 ? -1 : bytes.withUnsafeBytes { Self.writeAll(writer, $0) }
        if writer >= 0 { close(writer) }
        guard written == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            rmdir(folder)
            throw SemfindError(.io, "cannot write a private copy in \(folder): \(reason)")
        }
    }

    func remove() {
        unlink(path)
        rmdir(folder)
    }

    /// 0 when every byte was written, -1 otherwise (errno says why).
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let start = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, start + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return -1 }
            offset += count
        }
        return 0
    }
}
