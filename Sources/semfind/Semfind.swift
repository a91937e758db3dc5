import ArgumentParser
import CKernels
import Foundation
import SemfindCore

/// The `semfind` command: parses arguments, runs a subcommand, and maps failures to grep's
/// exit statuses (2 for any error, with one line on stderr).
@main
struct Semfind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "semfind",
        abstract: "Search the files on your disk by meaning.",
        version: "0.1.0",
        subcommands: [
            SearchCommand.self, IndexCommand.self, StatusCommand.self, EmbedCommand.self, TokenizeCommand.self,
            ModelCommand.self, WatchCommand.self, PluginsCommand.self,
            BenchCommand.self, EvalCommand.self, SessionCommand.self, ServeCommand.self, MCPCommand.self,
            ParseWorkerCommand.self,
        ],
        defaultSubcommand: SearchCommand.self)

    static func main() {
        // OpenBLAS's idle threads would spin on the second core for a search's whole life.
        semfind_quiet_blas_threads()
        if let status = QueryClient.answerThroughServer(CommandLine.arguments) { Foundation.exit(status) }
        // Every other command may encode: on a processor newer than the installed OpenBLAS,
        // start again with its fastest kernels named (docs/PERFORMANCE.md, "OpenBLAS's kernels").
        semfind_restart_with_openblas_core(CommandLine.unsafeArgv)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            Foundation.exit(status.rawValue)
        } catch let error as SemfindError {
            FileHandle.standardError.write(Data("semfind: error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            var message = fullMessage(for: error)
            if let hint = DashQueryHint.hint(for: CommandLine.arguments) { message += "\nsemfind: " + hint }
            FileHandle.standardError.write(Data((message.isEmpty ? "" : message + "\n").utf8))
            Foundation.exit(code == .validationFailure || code == .failure ? 2 : code.rawValue)
        }
    }
}
