import ArgumentParser
import IndexSync
import QueryEngine
import ResultOutput
import SearchServer
import SemfindCore

/// `semfind serve`: the model and the vectors kept in memory between requests. `--stdio` speaks
/// JSON-RPC 2.0 over standard input and output, one message per line
/// (share/semfind/schema/serve.md); `--socket` answers other processes' searches (`QueryServer`).
/// `--watch` also keeps the index in step with its folders, as `semfind watch` does
/// (`BackgroundFollower`).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Keep the model and the vectors warm: for an editor over stdin/stdout, or for every search.",
        discussion: """
            --stdio: JSON-RPC 2.0, one request per line in, one response per line out; end of input stops \
            the server (share/semfind/schema/serve.md).
            --socket: listen on INDEX.sock; every `semfind QUERY` on that index is then answered by this \
            server, without loading the model (search --no-server opts out). One server listens per index; \
            a search that finds none starts one itself, which stops after \(AutoServer.defaultIdleSeconds) s \
            without a search (semfind search --help).
            --watch: also follow the index's folders as semfind watch does (catch-up scan, then file \
            events, progress on stderr); it holds the index's writer lock, so it fails when another \
            semfind writes the index, unless --wait. A search sees each batch once it is written.
            SIGINT or SIGTERM (or --idle-exit) ends the server between two answers (with --watch, once the \
            batch in flight is written), removes the socket and exits with status 0.
            """)

    @Flag(name: .long, help: "Answer JSON-RPC requests on standard input and output.")
    var stdio = false

    @Flag(name: .long, help: "Answer the searches of other semfind processes on a socket beside the index.")
    var socket = false

    @Flag(name: .long, help: "Also keep the index up to date as files change, as semfind watch does.")
    var watch = false

    @Option(name: .long, help: "With --socket: stop after this many seconds without a search (0: never).")
    var idleExit = 0

    @OptionGroup var location: AnyIndexLocation
    @OptionGroup var encoderOptions: EncoderOptions
    @OptionGroup var indexing: IndexingOptions
    @OptionGroup var watching: WatchOptions

    /// Chunks the watch embeds per encoder call. Encoder calls take turns within a process, so
    /// a search waits for the call in flight before it encodes its query: 8 chunks instead of
    /// `watch`'s 256 keep that wait short at the same indexing speed (docs/PERFORMANCE.md).
    static let watchEmbedGroup = 8

    func validate() throws {
        guard stdio != socket else {
            throw ValidationError("give one of --stdio (an editor talks on stdin/stdout) and --socket (for searches)")
        }
        guard watch || (watching.poll == nil && !watching.wait) else {
            throw ValidationError("--poll and --wait go with --watch")
        }
        guard idleExit >= 0 else { throw ValidationError("--idle-exit must be 0 (never) or more seconds") }
        guard socket || idleExit == 0 else {
            throw ValidationError("--idle-exit goes with --socket (--stdio ends with its input)")
        }
    }

    func run() throws {
        let index = try location.address()
        guard let path = index.sqlitePath ?? (socket || watch ? nil : index.description) else {
            throw SemfindError(.invalidInput, "--socket and --watch serve SQLite; serve PostgreSQL with --stdio")
        }
        let signals = SignalCatcher()
        let encoder = encoderOptions.shared(forIndexAt: index)
        // The writer lock first: with another writer at work, nothing is served.
        let follower =
            try watch
            ? IndexFollower(
                indexPath: path, roots: [],
                options: try watching.follow(indexing, embedGroupSize: Self.watchEmbedGroup),
                encoder: { try encoderOptions.loadEncoder(forIndexAt: index) }, stop: signals.stop,
                reporter: WatchReport(json: false, verbose: false),
                nothingToWatch:
                    "nothing to watch: the index has no folders yet; index one first (semfind index FOLDER)")
            : nil
        let server = try socket ? QueryServer(indexPath: path, encoder: encoder) : nil
        let lifetime = ServeLifetime(socketPath: server?.socketPath)
        if let follower {
            BackgroundFollower(follower).start { error in
                if let error {
                    Console.standard.err("semfind: error: watching stopped: \(SemfindError.message(of: error))\n")
                }
                lifetime.end(error == nil ? 0 : 2)
            }
        } else {
            lifetime.end(on: signals.stop)
        }
        if let server {
            Console.standard.err("semfind: answering searches of \(path) at \(server.socketPath)\n")
            let idle = IdleExit(seconds: idleExit)
            if idleExit > 0 { idle.start(stopping: signals.stop) }
            server.run(answering: lifetime.answering, heard: idle.heard)
        } else {
            let service = SearchService(index: index, encoder: encoder, session: QuerySession.current())
            let indexer = service.indexer(
                registry: indexing.registry, options: indexing.indexOptions(roots:), stop: signals.stop)
            let methods = ServeMethods(service: service, index: watch ? nil : indexer)
            var endpoint = JSONRPCEndpoint(methods: methods)
            endpoint.serveStandardIO(answering: lifetime.answering)
        }
        lifetime.stopServing(signals.stop)
    }
}
