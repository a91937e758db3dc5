import Foundation
import QueryEngine
import ResultOutput
import SemfindCore

/// One `semfind QUERY` as the command line asked it, in full: what to search, how to print it
/// and for which session. The process that was asked builds it (paths already absolute, the
/// context file already read), and either runs it itself or sends it to the index's warm
/// server (`SocketRequest`), which runs the very same search for it.
public struct SearchInvocation: Codable, Sendable, Equatable {
    /// The query's words as typed, joined with spaces (cleaned when run).
    public var query: String
    /// `semantic`, `keyword` or `hybrid`.
    public var mode: String
    public var limit: Int
    public var minScore: Double?
    public var appliesFloor: Bool
    public var maxPerFile: Int
    /// Absolute folders the results must lie under.
    public var folders: [String]
    public var globs: [String]
    public var types: [String]
    /// Text to read a short query with (`--context`, and the `--context-file`'s text).
    public var context: String?
    /// Word pieces below which a query is short.
    public var minPieces: Int
    /// The shell session the query belongs to (`QuerySession`), nil with `--no-session`.
    public var session: String?
    public var output: Output
    /// Whether to say on stderr where the time went.
    public var timings: Bool

    /// How the results are printed, as the asking process's terminal allows.
    public struct Output: Codable, Sendable, Equatable {
        public var format: ResultPrinter.Format
        public var colour: Bool
        public var hyperlinks: Bool
        public var contextLines: Int
        /// The asking process's working directory: paths below it are printed relative to it.
        public var folder: String

        public init(format: ResultPrinter.Format, colour: Bool, hyperlinks: Bool, contextLines: Int, folder: String) {
            self.format = format
            self.colour = colour
            self.hyperlinks = hyperlinks
            self.contextLines = contextLines
            self.folder = folder
        }
    }

    public init(
        query: String, mode: String, limit: Int, minScore: Double?, appliesFloor: Bool, maxPerFile: Int,
        folders: [String], globs: [String], types: [String], context: String?, minPieces: Int, session: String?,
        output: Output, timings: Bool
    ) {
        self.query = query
        self.mode = mode
        self.limit = limit
        self.minScore = minScore
        self.appliesFloor = appliesFloor
        self.maxPerFile = maxPerFile
        self.folders = folders
        self.globs = globs
        self.types = types
        self.context = context
        self.minPieces = minPieces
        self.session = session
        self.output = output
        self.timings = timings
    }

    /// Runs the search with `engine` and prints it to `console`; returns the exit status (0 when
    /// something was found, 1 when nothing was). `answeredBy` names a server answering for
    /// another process, for `--timings`.
    public func perform(engine: SearchEngine, console: Console, answeredBy: String? = nil) throws -> Int32 {
        let started = DispatchTime.now().uptimeNanoseconds
        let request = SearchRequest(
            query: try QueryText.clean(query), mode: SearchMode(rawValue: mode) ?? .hybrid, limit: limit,
            minScore: minScore, appliesFloor: appliesFloor, maxPerFile: maxPerFile,
            filter: SearchFilter(folders: folders, globs: globs, plugins: types), context: context.map { .given($0) })
        engine.policy.minimumPieces = minPieces
        let response = try engine.search(request, session: session.map(QuerySession.init))
        var printer = ResultPrinter(format: output.format, colour: output.colour, folder: output.folder)
        printer.console = console
        printer.contextLines = output.contextLines
        if output.hyperlinks && output.format == .human { printer.hyperlink = .local }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        printer.print(request: request, response: response, index: engine.index.description, seconds: elapsed)
        if timings {
            let stages = response.timings.map { String(format: "%@ %.1f ms", $0.stage, $0.seconds * 1000) }
            let total = String(format: "total %.1f ms", elapsed * 1000)
            let source = answeredBy.map { " (\($0))" } ?? ""
            console.err("semfind: timings\(source): \((stages + [total]).joined(separator: ", "))\n")
        }
        return response.results.isEmpty ? 1 : 0
    }
}
