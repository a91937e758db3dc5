import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which shell session a query belongs to: `$SEMFIND_SESSION` when set, else the terminal and
/// the process of the shell that started semfind; nil when there is no terminal (a script).
public enum SessionIdentity {
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let named = environment["SEMFIND_SESSION"], !named.isEmpty { return named }
        #if os(Linux)
            guard let parent = processStat(getpid()), let shell = processStat(parent.parent), shell.terminal != 0
            else { return nil }
            return "tty\(shell.terminal)-pid\(parent.parent)-start\(shell.started)"
        #else
            for descriptor: Int32 in [0, 1, 2] {
                if let name = ttyname(descriptor) { return "\(String(cString: name))-pid\(getppid())" }
            }
            return nil
        #endif
    }

    #if os(Linux)
        /// The parent, controlling terminal and start time of a process, from `/proc/PID/stat`.
        private static func processStat(_ pid: pid_t) -> (parent: pid_t, terminal: Int, started: String)? {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            // The command name (field 2) may hold spaces and parentheses: fields start after the last ")".
            guard let close = text.lastIndex(of: ")") else { return nil }
            let fields = text[text.index(after: close)...].split(separator: " ")
            // fields[0] is the state (field 3); parent is field 4, terminal 7, start time 22.
            guard fields.count > 19, let parent = pid_t(fields[1]), let terminal = Int(fields[4]) else { return nil }
            return (parent, terminal, String(fields[19]))
        }
    #endif
}
