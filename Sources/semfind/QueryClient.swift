import IndexBackends
import QueryEngine
import ResultOutput
import SearchServer

/// The search side of the warm server: before any argument parsing, a `semfind QUERY` process
/// hands its arguments to `semfind serve --socket` when one answers for the index, so that the
/// query skips loading the model and the vectors (and the parser's own start-up).
///
/// What picks the server is read first: whether the command is a search, `--index`, and
/// `--no-server`; only when a server answers are the arguments parsed, into the search to send
/// it (`SearchCommand.invocation`). Arguments that do not parse, a context file that cannot be
/// read, a server that declines: the process then runs the search itself, through the parser,
/// which reports any error; when no server answered, it then starts one (`AutoServer`).
enum QueryClient {
    /// Answers the search in `arguments` (the process's, program name first) through a warm
    /// server and returns the exit status, or returns nil when the process must run it itself.
    static func answerThroughServer(_ arguments: [String]) -> Int32? {
        guard let search = searchArguments(arguments), !search.contains("--no-server") else { return nil }
        let index = IndexAddress.sqlitePath(named: SearchArguments.indexOption(search) ?? nil)
        return QueryServer.answer(forIndex: index, console: .standard) {
            try? SearchCommand.parse(search).invocation()
        }
    }

    /// The arguments of a search, as semfind's command names tell it (`SearchArguments`).
    static func searchArguments(_ arguments: [String]) -> [String]? {
        let others = Semfind.configuration.subcommands.compactMap { $0.configuration.commandName }
        return SearchArguments.of(
            arguments, search: SearchCommand.configuration.commandName ?? "search", otherCommands: others)
    }
}
