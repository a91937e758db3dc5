import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which `semfind serve --socket` listens for an index: an exclusive `flock(2)` on
/// `INDEX.sock.lock`, taken before anything else and held for the server's whole life (the
/// system releases it when the process ends, however it ends). Of two servers started at
/// once for one index (two searches that each started one), one listens and the other stops
/// at once, before loading anything.
final class ServerLock {
    private let descriptor: Int32

    static func path(forIndex index: String) -> String { index + ".sock.lock" }

    /// Takes the lock of the index at `indexPath`, or fails at once when another process holds it.
    ///
    /// - Throws: `SemfindError` `.invalidInput` when another server holds it, `.io` when the
    ///   lock file cannot be opened.
    init(indexPath: String) throws {
        let path = Self.path(forIndex: indexPath)
        // Not following a link: in a shared folder, another user could point one elsewhere.
        descriptor = open(path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, PrivateFiles.fileMode)
        guard descriptor >= 0 else {
            throw SemfindError(.io, "cannot open the server's lock file \(path): \(SystemCallError.current.message)")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = SystemCallError.current
            guard failure.number == EINTR else {
                close(descriptor)
                guard failure.number == EWOULDBLOCK else {
                    throw SemfindError(.io, "cannot lock \(path): \(failure.message)")
                }
                throw SemfindError(
                    .invalidInput,
                    "a server already answers for \(indexPath), or is starting (it holds \(path))")
            }
        }
    }

    deinit {
        close(descriptor)
    }
}
