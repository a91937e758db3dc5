import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `semfind serve --socket` processes of an index, found by their command lines in /proc:
/// a server a search started is no child of the test's, so the test finds it this way, and
/// stops it.
enum ServeProcesses {
    /// Whether processes can be listed here (Linux's /proc).
    static var canList: Bool { FileManager.default.fileExists(atPath: "/proc/self/cmdline") }

    /// The live (not zombie) processes running `serve --socket` for `index`.
    static func of(_ index: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), isAlive(pid) else {
                return false
            }
            let words = line.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words.contains("serve") && words.contains("--socket") && words.contains(index)
        }
    }

    /// The fields of /proc/PID/stat after the command name: state, parent, group, session, …
    static func status(_ pid: pid_t) -> [String] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return [] }
        return text[text.index(after: close)...].split(separator: " ").map(String.init)
    }

    /// The session `pid` belongs to.
    static func session(_ pid: pid_t) -> pid_t? {
        let fields = status(pid)
        return fields.count > 3 ? pid_t(fields[3]) : nil
    }

    /// What the standard input, output and error of `pid` lead to.
    static func standardStreams(_ pid: pid_t) -> [String] {
        (0...2).map { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) ?? "?" }
    }

    /// Whether `pid` runs (a zombie waiting for its parent to reap it does not).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let state = status(pid).first else { return false }
        return state != "Z" && state != "X"
    }

    /// Stops every server of `index`: SIGTERM, then SIGKILL to any still running after
    /// `seconds`. Whether none runs afterwards.
    @discardableResult
    static func stopAll(of index: String, seconds: Double = 10) -> Bool {
        let servers = of(index)
        servers.forEach { kill($0, SIGTERM) }
        if !waitUntilGone(servers, seconds: seconds) { servers.forEach { kill($0, SIGKILL) } }
        return waitUntilGone(servers, seconds: 5)
    }

    /// Waits until none of `pids` runs, at most `seconds`; whether none does.
    static func waitUntilGone(_ pids: [pid_t], seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while pids.contains(where: isAlive), Date() < deadline { usleep(50_000) }
        return !pids.contains(where: isAlive)
    }
}
