import Foundation
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one-writer-at-a-time rule of an index: an exclusive `flock(2)` on `INDEX.lock`, held
/// by `semfind index`, `watch` and serve's `index` for their whole run and released when the
/// process ends, however it ends. The holder writes its pid into the file, for the message
/// a second writer gets. Readers never take it: WAL gives each query a consistent view.
public final class WriterLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock of the index at `indexPath`. Without `wait`, fails at once when another
    /// process holds it; with `wait`, retries until it is free or `cancelled()` says to stop.
    ///
    /// - Throws: `SemfindError` `.invalidInput` naming the index and the holder's pid when the
    ///   lock is held (or when waiting was cancelled), `.io` when the lock file cannot be opened.
    public init(indexPath: String, wait: Bool, cancelled: () -> Bool = { false }) throws {
        path = indexPath + ".lock"
        let folder = (indexPath as NSString).deletingLastPathComponent
        try? PrivateFiles.makeFolders(folder)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw SemfindError(.io, "cannot open the lock file \(path): \(reason)")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let number = errno
            // No close before a throw: the initialized lock's deinit closes the descriptor, and a
            // second close could close a descriptor another thread has just been given.
            guard number == EWOULDBLOCK || number == EINTR else {
                throw SemfindError(.io, "cannot lock \(path): \(String(cString: strerror(number)))")
            }
            guard wait else {
                let holder = Self.holder(descriptor).map { "pid \($0)" } ?? "pid unknown"
                throw SemfindError(
                    .invalidInput,
                    "index \(indexPath) is being updated by another semfind (\(holder)); wait for it or pass --wait")
            }
            guard !cancelled() else {
                throw SemfindError(.invalidInput, "stopped while waiting for the index \(indexPath) to be free")
            }
            usleep(100_000)
        }
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, text, text.count, 0)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether a writer holds the lock of the index at `indexPath` now (this process too, when
    /// it is the writer). Creates nothing: no lock file means no writer.
    public static func isHeld(indexPath: String) -> Bool {
        let descriptor = open(indexPath + ".lock", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        _ = flock(descriptor, LOCK_UN)
        return false
    }

    /// The pid the holder wrote into the lock file, if it has yet.
    private static func holder(_ descriptor: Int32) -> Int? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
