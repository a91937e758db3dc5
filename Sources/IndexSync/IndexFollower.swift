import FileWalk
import FileWatcher
import Foundation
import SemfindCore
import TextEncoder
import VectorStore

/// Keeps an index in step with its folders: holds the writer lock, runs a catch-up scan, then
/// sends each batch of file events through the focused pipeline until `stop` is requested.
/// `semfind watch` runs it on its main thread; `serve --watch` on a thread of its own.
public struct IndexFollower {
    public let roots: [String]
    private let lock: WriterLock
    private var session: WatchSession
    private var source: NamedSource

    /// Takes the writer lock (waiting for it with `options.waitsForWriter`), loads the encoder
    /// and starts the change source over `roots` (absolute; every folder of the index when
    /// empty). `nothingToWatch` is the error's text when there is no folder at all.
    public init(
        indexPath: String, roots: [String], options: FollowOptions, encoder: () throws -> SentenceEncoder,
        stop: StopRequest, reporter: any WatchReporting, nothingToWatch: String
    ) throws {
        lock = try WriterLock(indexPath: indexPath, wait: options.waitsForWriter) { stop.isRequested }
        self.roots = roots.isEmpty ? try IndexStore(path: indexPath, create: false).status().roots : roots
        guard !self.roots.isEmpty else { throw SemfindError(.invalidInput, nothingToWatch) }
        session = WatchSession(
            indexPath: indexPath, roots: self.roots, encoder: try encoder(), indexOptions: options.indexOptions,
            registry: options.registry, stop: stop, reporter: reporter)
        session.embedGroupSize = options.embedGroupSize
        // The source starts before the catch-up scan, so that nothing changed during it is missed.
        source = try NamedSource.make(roots: self.roots, poll: options.poll, walk: options.walk, stop: stop)
    }

    /// The catch-up scan, then a batch per group of events, until `stop` is requested; the
    /// snapshot is rewritten when due (`SnapshotSchedule`) and once more at the end.
    public mutating func run() throws {
        try session.update(kind: "catch-up", focus: nil, paths: 0)
        if !session.stop.isRequested {
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
}

/// A change source with what the `watching` line says about it.
private struct NamedSource {
    var source: any ChangeSource
    let name: String
    var folders: Int?

    /// Inotify on Linux, FSEvents on macOS; polling with `poll` (seconds) or elsewhere.
    static func make(roots: [String], poll: Double?, walk: WalkOptions, stop: StopRequest) throws -> NamedSource {
        if let poll {
            return NamedSource(source: PollingWatcher(interval: poll, stop: stop), name: "polling every \(poll) s")
        }
        #if os(Linux)
            let watcher = try InotifyWatcher(roots: roots, walk: walk, stop: stop)
            if watcher.unwatched.count > 0 {
                let message =
                    "\(watcher.unwatched.count) folders cannot be watched (\(watcher.unwatched.reason)); "
                    + "changes there are missed: raise the limit or use --poll"
                FileHandle.standardError.write(Data("semfind: warning: \(message)\n".utf8))
            }
            return NamedSource(source: watcher, name: "inotify", folders: watcher.watchCount)
        #elseif canImport(CoreServices)
            return NamedSource(source: try FSEventsWatcher(roots: roots, stop: stop), name: "FSEvents")
        #else
            return NamedSource(source: PollingWatcher(interval: 2, stop: stop), name: "polling every 2 s")
        #endif
    }

    mutating func next(wakingBy deadline: UInt64?) throws -> ChangeBatch? {
        try source.next(wakingBy: deadline)
    }
}
