import CSystemCalls
import Foundation
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The warm server a search starts without being asked. A search that no server answered
/// (`QueryClient`) runs by itself, prints, and then starts `semfind serve --socket --idle-exit N`
/// for its index, detached (`DetachedProcess`); the index's next searches, from any shell of
/// the user's, hand their query to that server until it has had no search for N seconds.
///
/// None is started when turned off (`search --no-server`, `SEMFIND_AUTO_SERVER=0`), when a
/// server answers already or another user's socket is in the way, or for an index that is not
/// the user's own, lies on a network file system (a socket there is not one machine's: another
/// host would take a live server's socket for a dead one), sits in a folder the user cannot
/// write, or whose socket path is too long. Two searches that race may each start one: the
/// server's lock (`ServerLock`) lets one listen.
public enum AutoServer {
    /// How long a server started by a search waits for the next search before it stops.
    public static let defaultIdleSeconds = 300

    /// What the environment says of servers started by searches: `SEMFIND_AUTO_SERVER=0` (or
    /// `no`, `off`, `false`) turns them off; `SEMFIND_AUTO_SERVER_IDLE_EXIT=SECONDS` sets their
    /// idle period (0: they never stop by themselves).
    public struct Settings: Equatable {
        public var isOn = true
        public var idleSeconds = AutoServer.defaultIdleSeconds
        /// What to tell the user when the idle period given is not one (the default applies).
        public var warning: String?

        public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
            let switchedOff = ["0", "no", "off", "false"]
            isOn = !switchedOff.contains(environment["SEMFIND_AUTO_SERVER"]?.lowercased() ?? "")
            guard let given = environment["SEMFIND_AUTO_SERVER_IDLE_EXIT"] else { return }
            if let seconds = Int(given), seconds >= 0 {
                idleSeconds = seconds
            } else {
                warning =
                    "SEMFIND_AUTO_SERVER_IDLE_EXIT=\(given) is not a number of seconds (0 or more); "
                    + "a warm server started now stops after \(idleSeconds) s idle"
            }
        }
    }

    /// What a search did about a server, for `--timings`.
    public enum Outcome: Equatable, CustomStringConvertible {
        case started(pid: pid_t)
        case notStarted(reason: String)

        public var description: String {
            switch self {
            case .started(let pid): "started a warm server for this index's next searches (pid \(pid))"
            case .notStarted(let reason): "no warm server started: \(reason)"
            }
        }
    }

    /// Starts a server for the index at `indexPath` when `settings` (the environment) allow it,
    /// the index may have one and none answers. `model` is the search's `--model`, passed on.
    public static func start(forIndex indexPath: String, model: String?, settings: Settings) -> Outcome {
        guard settings.isOn else { return .notStarted(reason: "SEMFIND_AUTO_SERVER turns it off") }
        if let reason = refusal(indexPath: indexPath) { return .notStarted(reason: reason) }
        guard let executable = Bundle.main.executableURL?.path else {
            return .notStarted(reason: "this program's own path is unknown")
        }
        var arguments = ["serve", "--socket", "--idle-exit", String(settings.idleSeconds), "--index", indexPath]
        if let model { arguments += ["--model", URL(fileURLWithPath: model).standardizedFileURL.path] }
        switch DetachedProcess.start(executable, arguments) {
        case .success(let pid): return .started(pid: pid)
        case .failure(let error): return .notStarted(reason: "cannot start semfind serve: \(error.message)")
        }
    }

    /// Why no server may be started for the index at `indexPath` now, or nil when one may.
    static func refusal(indexPath: String) -> String? {
        guard case .success(let index) = FileStatus.ofTarget(indexPath) else { return "the index cannot be read" }
        guard index.owner == geteuid() else { return "the index belongs to another user (uid \(index.owner))" }
        let folder = (indexPath as NSString).deletingLastPathComponent
        switch semfind_is_network_file_system(folder) {
        case 0: break
        case 1: return "the index is on a network file system"
        default: return "the index's file system cannot be examined"
        }
        guard access(folder, W_OK) == 0 else { return "the index's folder is not writable" }
        let socket = QueryServer.socketPath(forIndex: indexPath)
        guard socket.utf8.count <= UnixSocket.maximumPathBytes else {
            return "its socket path would be longer than \(UnixSocket.maximumPathBytes) bytes"
        }
        switch UnixSocket.connect(to: socket, timeoutSeconds: 1) {
        case .none: return nil
        case .connected(let server):
            server.close()
            return "a server answers already"
        case .foreign(let owner): return "\(socket) belongs to another user (uid \(owner))"
        }
    }
}
