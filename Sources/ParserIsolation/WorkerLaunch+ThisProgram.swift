import Foundation

extension WorkerLaunch {
    /// This program as its own parse worker, run as `command` (its hidden command) with a
    /// deadline of `timeout` seconds a file; nil when `SEMFIND_PARSE_IN_PROCESS=1` (for
    /// measuring what isolation costs) or the program's path is unknown: then everything
    /// parses in process.
    public static func thisProgram(
        command: String, timeout: Double, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> WorkerLaunch? {
        guard environment["SEMFIND_PARSE_IN_PROCESS"] != "1", let program = Bundle.main.executablePath else {
            return nil
        }
        var environment = environment
        // Swift's backtracer would catch a worker's crash and spend seconds symbolicating it
        // (past the deadline, as a hang); the signal itself is what the parent reports.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        return WorkerLaunch(
            executable: program, arguments: [command], environment: environment,
            timeout: .milliseconds(Int((timeout * 1000).rounded())))
    }
}
