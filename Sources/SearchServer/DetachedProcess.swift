import CSystemCalls
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program started apart from this process (`semfind_spawn_detached`): in a session of its
/// own, with its standard streams on /dev/null and no other descriptor of this process's, so
/// that no shell waits for it, no pipe stays open because of it, and it outlives this process.
enum DetachedProcess {
    /// Starts `executable` with `arguments` (the program name not among them); its pid, or the
    /// reason it could not start. Only from a process about to exit: on some systems the
    /// process's own descriptors are marked close-on-exec first.
    static func start(_ executable: String, _ arguments: [String]) -> Result<pid_t, SystemCallError> {
        let words = ([executable] + arguments).map { strdup($0) }
        defer { words.forEach { free($0) } }
        var pid: pid_t = 0
        let status = (words + [nil]).withUnsafeBufferPointer {
            semfind_spawn_detached(executable, $0.baseAddress, &pid)
        }
        return status == 0 ? .success(pid) : .failure(SystemCallError(number: status))
    }
}
