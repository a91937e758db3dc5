import FileWalk
import Foundation
import Indexer
import ParserIsolation

/// How `index`, `watch` and `serve` parse: binary formats in a parse worker (this program, as
/// `semfind parse-worker`), so that a hostile file costs that file and not the run. With
/// `SEMFIND_PARSE_IN_PROCESS=1` (for measuring what isolation costs) everything parses in this
/// process.
enum IsolatedParsing {
    static func parser(timeout: Double) -> @Sendable (StopRequest?) -> any DocumentParser {
        var environment = ProcessInfo.processInfo.environment
        guard environment["SEMFIND_PARSE_IN_PROCESS"] != "1", let program = Bundle.main.executablePath else {
            return { _ in InProcessParser() }
        }
        // Swift's backtracer would catch a worker's crash and spend seconds symbolicating it
        // (past the deadline, as a hang); the signal itself is what the parent reports.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let launch = WorkerLaunch(
            executable: program,
            arguments: [ParseWorkerCommand.configuration.commandName ?? "parse-worker"], environment: environment,
            timeout: .milliseconds(Int((timeout * 1000).rounded())))
        return { stop in DeclaredFormatsInProcess(next: IsolatedParser(launch: launch, stop: stop), stop: stop) }
    }
}
