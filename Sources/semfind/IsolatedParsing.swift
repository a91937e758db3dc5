import FileWalk
import Indexer
import ParserIsolation

/// How `index`, `watch` and `serve` parse: binary formats in a parse worker (this program, as
/// `semfind parse-worker`: `WorkerLaunch.thisProgram`), so that a hostile file costs that file
/// and not the run; declared formats in this process (`DeclaredFormatsInProcess`).
enum IsolatedParsing {
    static func parser(timeout: Double) -> @Sendable (StopRequest?) -> any DocumentParser {
        let command = ParseWorkerCommand.configuration.commandName ?? "parse-worker"
        guard let launch = WorkerLaunch.thisProgram(command: command, timeout: timeout) else {
            return { _ in InProcessParser() }
        }
        return { stop in DeclaredFormatsInProcess(next: IsolatedParser(launch: launch, stop: stop), stop: stop) }
    }
}
