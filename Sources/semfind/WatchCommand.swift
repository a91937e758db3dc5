import ArgumentParser
import Dispatch
import FileWatcher
import Foundation
import Indexer
import SemfindCore
import VectorStore

/// `semfind watch`: keeps the index in step with its folders as files change.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep the index up to date: index what changed while nothing watched, then follow changes.",
        discussion: """
            Starts with a catch-up scan (like semfind index), then follows file events: inotify on \
            Linux (new folders are watched as they appear; a lost event queue causes a rescan), \
            polling elsewhere or with --poll. Events are debounced (a batch 200 ms after the last \
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

    @Option(
        name: .long,
        help: ArgumentHelp("Rescan every SECONDS instead of following file events (portable).", valueName: "seconds"))
    var poll: Double?

    @Flag(name: .long, help: "If another semfind is writing the index, wait for it instead of failing.")
    var wait = false

    @Flag(name: .long, help: "Print each batch's summary as JSON Lines on stdout.")
    var json = false

    @Flag(name: .long, help: "List every skipped file with its reason.")
    var verbose = false

    func validate() throws {
        if let poll, !(poll >= 0.1 && poll <= 86_400) {
            throw ValidationError("--poll must be between 0.1 and 86400 seconds")
        }
    }

    func run() throws {
        let indexPath = location.path
        let signals = SignalCatcher()
        let lock = try WriterLock(indexPath: indexPath, wait: wait) { signals.stop.isRequested }
        defer { withExtendedLifetime(lock) {} }
        let roots =
            paths.isEmpty
            ? try IndexStore(path: indexPath, create: false).status().roots : try paths.map(IndexCommand.absolutePath)
        guard !roots.isEmpty else {
            throw SemfindError(.invalidInput, "nothing to watch: give a folder, e.g. semfind watch ~/notes")
        }
        var session = WatchSession(
            indexPath: indexPath, roots: roots, encoder: try encoderOptions.loadEncoder(), indexing: indexing,
            stop: signals.stop, reporter: WatchReporter(json: json, verbose: verbose))
        // The source starts before the catch-up scan, so that nothing changed during it is missed.
        var source = try makeSource(roots: roots, stop: signals.stop)
        try session.update(kind: "catch-up", focus: nil, paths: 0)
        if !signals.stop.isRequested {
            session.reporter.watching(roots: roots, source: source.name, folders: source.folders)
        }
        while let batch = try source.next(wakingBy: session.snapshot.due) {
            if batch.isEmpty {
                try session.refreshSnapshotIfDue()
            } else if batch.rescan {
                try session.update(kind: "rescan", focus: nil, paths: 0)
            } else {
                try session.update(kind: "changes", focus: WalkFocus(paths: batch.paths), paths: batch.paths.count)
            }
        }
        try session.finish()
    }

    /// The change source: inotify on Linux, polling with `--poll` or elsewhere.
    private func makeSource(roots: [String], stop: StopRequest) throws -> NamedSource {
        if let poll { return NamedSource(PollingWatcher(interval: poll, stop: stop), name: "polling every \(poll) s") }
        #if os(Linux)
            let watcher = try InotifyWatcher(roots: roots, walk: indexing.walk, stop: stop)
            if watcher.unwatched.count > 0 {
                let message =
                    "\(watcher.unwatched.count) folders cannot be watched (\(watcher.unwatched.reason)); "
                    + "changes there are missed: raise the limit or use --poll"
                FileHandle.standardError.write(Data("semfind: warning: \(message)\n".utf8))
            }
            return NamedSource(watcher, name: "inotify", folders: watcher.watchCount)
        #else
            return NamedSource(PollingWatcher(interval: 2, stop: stop), name: "polling every 2 s")
        #endif
    }
}

/// A change source with what the `watching` line says about it.
private struct NamedSource {
    var source: any ChangeSource
    let name: String
    var folders: Int?

    init(_ source: any ChangeSource, name: String, folders: Int? = nil) {
        self.source = source
        self.name = name
        self.folders = folders
    }

    mutating func next(wakingBy deadline: UInt64?) throws -> ChangeBatch? {
        try source.next(wakingBy: deadline)
    }
}
