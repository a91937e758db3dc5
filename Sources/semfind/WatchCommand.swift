import ArgumentParser
import FileWalk
import IndexSync
import ResultOutput

/// `semfind watch`: keeps the index in step with its folders as files change.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep the index up to date: index what changed while nothing watched, then follow changes.",
        discussion: """
            Starts with a catch-up scan (like semfind index), then follows file events: inotify on \
            Linux (new folders are watched as they appear; a lost event queue causes a rescan), \
            FSEvents on macOS, polling elsewhere or with --poll. Events are debounced (a batch 200 ms after the last \
            event, at most 2 s after the first) and only the named paths are walked again; only \
            changed chunks are embedded. One writer at a time: another index or watch on the same \
            index makes this fail with exit 2, unless --wait. Queries keep working meanwhile. \
            SIGINT or SIGTERM finishes the file being written and exits with status 0.
            """)

    @Argument(help: "Folders or files to watch (default: every folder in the index).", completion: .directory)
    var paths: [String] = []

    @OptionGroup var location: IndexLocation
    @OptionGroup var encoderOptions: EncoderOptions
    @OptionGroup var indexing: IndexingOptions
    @OptionGroup var watching: WatchOptions

    @Flag(name: .long, help: "Print each batch's summary as JSON Lines on stdout.")
    var json = false

    @Flag(name: .long, help: "List every skipped file with its reason.")
    var verbose = false

    func run() throws {
        let signals = SignalCatcher()
        var follower = try IndexFollower(
            indexPath: location.path, roots: try paths.map(RootPath.absolute),
            options: try watching.follow(indexing),
            encoder: { try encoderOptions.loadEncoder(forIndexAt: .sqlite(path: location.path)) }, stop: signals.stop,
            reporter: WatchReport(json: json, verbose: verbose),
            nothingToWatch: "nothing to watch: give a folder, e.g. semfind watch ~/notes")
        try follower.run()
    }
}
