import ArgumentParser
import ParserIsolation

/// `semfind parse-worker` (not in the help): the child process that parses binary formats for
/// `semfind index` (`IsolatedParser`), reading requests on standard input until it ends.
struct ParseWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-worker", abstract: "Parse files for semfind index in a child process.",
        shouldDisplay: false)

    @Option(name: .long, help: "Seconds of CPU time for each file.")
    var cpuSeconds = WorkerLaunch.defaultCPUSeconds

    func run() throws {
        ParseWorker(registry: Plugins.registry, cpuSeconds: cpuSeconds).serve()
    }
}
