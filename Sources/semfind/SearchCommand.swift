import ArgumentParser
import Foundation
import QueryEngine
import ResultOutput
import SearchServer
import SemfindCore
import VectorStore

/// `semfind QUERY…` / `semfind search QUERY…`: the chunks that best answer the query.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index (the default command: semfind QUERY).",
        discussion: """
            A query shorter than --min-pieces word pieces is read together with --context, or else with this \
            shell session's recent queries; with neither it leans on keyword matches and warns.
            By default, passages found by meaning alone that are no closer to the query than unrelated text comes \
            in this index (its relevance floor, measured by semfind index: see semfind status) are left out; \
            --no-floor shows them, --min-score replaces the floor.
            A search hands its query to the index's warm server (semfind serve --socket) when one runs. When \
            none does, it answers by itself and then starts one, detached, for the index's next searches; that \
            server stops after \(AutoServer.defaultIdleSeconds) s without a search (or \
            $SEMFIND_AUTO_SERVER_IDLE_EXIT seconds; 0: never). --timings says what was done. None is started \
            with --no-server or SEMFIND_AUTO_SERVER=0, for an index that is not yours, or for one on a network \
            file system (NFS, SMB, FUSE, ...).
            Exit status as grep: 0 when something was found, 1 when nothing was, 2 on error.
            """)

    @Argument(help: "What to look for, in your own words.")
    var query: [String]

    @Option(name: [.customShort("k"), .long], help: "How many results.")
    var limit = 10

    @Option(name: .long, help: "Ranking: semantic, keyword or hybrid.")
    var mode = "hybrid"

    @Option(name: .long, help: "Leave out results below this cosine similarity (BM25 score in keyword mode).")
    var minScore: Double?

    @Flag(name: .long, help: "Also show passages below the index's relevance floor (see semfind status).")
    var noFloor = false

    @Option(name: .long, help: "At most this many passages of one file.")
    var maxPerFile = SearchRequest.defaultMaxPerFile

    @Option(name: [.customShort("C"), .long], help: "Show this many lines of the file around each passage.")
    var contextLines = 0

    @Flag(name: .long, help: "Print paths without terminal hyperlinks.")
    var noHyperlinks = false

    @Option(name: .customLong("in"), help: "Only files under this folder (repeatable).")
    var folders: [String] = []

    @Option(
        name: .long,
        help: "Only files matching this pattern, as .gitignore writes them: '*.md', 'notes/**/*.txt' (repeatable).")
    var glob: [String] = []

    @Option(name: .long, help: "Only files of this format: markdown, html, text (repeatable).")
    var type: [String] = []

    @Option(name: .long, help: "Text to read a short query with (e.g. the text around an editor's cursor).")
    var context: String?

    @Option(name: .long, help: "A file whose text to read a short query with.")
    var contextFile: String?

    @Flag(name: .long, help: "Neither use nor remember this shell session's queries.")
    var noSession = false

    @Option(name: .long, help: "Word pieces below which a query is short.")
    var minPieces = QueryPolicy().minimumPieces

    @Flag(name: .long, help: "Print JSON Lines: begin, warning, result and summary messages (share/semfind/schema).")
    var json = false

    @Flag(name: .long, help: "Print path:line:column:text, for editors' quickfix lists.")
    var vimgrep = false

    @Flag(name: [.customShort("l"), .long], help: "Print only the paths of files with results.")
    var filesWithMatches = false

    @Flag(name: .long, help: "Print on stderr where the time went (model, encode, vectors, scan, …).")
    var timings = false

    @OptionGroup var location: AnyIndexLocation
    @OptionGroup var encoderOptions: EncoderOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard maxPerFile > 0 else { throw ValidationError("--max-per-file must be at least 1") }
        guard contextLines >= 0 else { throw ValidationError("--context-lines must be 0 or more") }
        if let minScore, !minScore.isFinite { throw ValidationError("--min-score must be a finite number") }
        guard SearchMode(rawValue: mode) != nil else {
            throw ValidationError("--mode must be semantic, keyword or hybrid, not \(mode)")
        }
        guard [json, vimgrep, filesWithMatches].filter({ $0 }).count <= 1 else {
            throw ValidationError("choose one of --json, --vimgrep and --files-with-matches")
        }
    }

    @Flag(name: .long, help: "Search in this process only: neither ask a warm server nor start one.")
    var noServer = false

    func run() throws {
        // A warm server, when one answers, took the search before the arguments were parsed
        // (`QueryClient`, called from `Semfind.main`); this process runs it itself, and then
        // starts one for the next searches (`AutoServer`).
        // One query's encoding is a few milliseconds on one core; a helper thread started for it
        // in a fresh process sometimes costs a hundred (docs/PERFORMANCE.md).
        let index = try location.address()
        let engine = try SearchEngine(index: index) { precision in
            try encoderOptions.loadEncoder(forIndexAt: index, defaultThreads: 1, precision: precision)
        }
        let status = try invocation().perform(engine: engine, console: .standard)
        if !noServer, let path = index.sqlitePath {
            let settings = AutoServer.Settings()
            if let warning = settings.warning { Console.standard.err("semfind: warning: \(warning)\n") }
            let outcome = AutoServer.start(forIndex: path, model: encoderOptions.model, settings: settings)
            if timings { Console.standard.err("semfind: \(outcome)\n") }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The search these arguments ask for, as this process would run it or a warm server runs
    /// it for this process: folders made absolute here, the context file read here, output as
    /// this process's standard output takes it.
    func invocation() throws -> SearchInvocation {
        let format: ResultPrinter.Format = json ? .json : vimgrep ? .vimgrep : filesWithMatches ? .files : .human
        return SearchInvocation(
            query: query.joined(separator: " "), mode: mode, limit: limit, minScore: minScore, appliesFloor: !noFloor,
            maxPerFile: maxPerFile, folders: folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
            globs: glob, types: type, context: try SearchInvocation.context(given: context, file: contextFile),
            minPieces: minPieces,
            session: noSession ? nil : SessionIdentity.current(),
            output: SearchInvocation.Output(
                format: format, colour: !json && Console.standardOutputTakesColour,
                hyperlinks: !noHyperlinks && Console.standardOutputTakesHyperlinks, contextLines: contextLines,
                folder: FileManager.default.currentDirectoryPath),
            timings: timings)
    }
}
