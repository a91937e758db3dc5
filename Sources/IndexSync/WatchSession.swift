import Dispatch
import FileWalk
import Foundation
import Indexer
import SemfindCore
import TextEncoder
import VectorStore

/// The writing side of `semfind watch`: runs the indexing pipeline for each batch (over the
/// whole tree, or only the paths events named), reports it, and rewrites the vector snapshot
/// on its schedule.
struct WatchSession {
    let indexPath: String
    let roots: [String]
    let encoder: SentenceEncoder
    let indexOptions: ([String]) -> IndexOptions
    let registry: FormatRegistry
    let stop: StopRequest
    var reporter: any WatchReporting
    var snapshot = SnapshotSchedule()
    /// Chunks embedded per encoder call, when not the pipeline's default (256): a server that
    /// watches gives fewer (`ServeCommand.watchEmbedGroup`).
    var embedGroupSize: Int?
    private var missingRoots: Set<String> = []

    init(
        indexPath: String, roots: [String], encoder: SentenceEncoder,
        indexOptions: @escaping ([String]) -> IndexOptions,
        registry: FormatRegistry, stop: StopRequest, reporter: any WatchReporting
    ) {
        self.indexPath = indexPath
        self.roots = roots
        self.encoder = encoder
        self.indexOptions = indexOptions
        self.registry = registry
        self.stop = stop
        self.reporter = reporter
    }

    /// Brings the index up to date with `focus` (everything when nil).
    mutating func update(kind: String, focus: WalkFocus?, paths: Int) throws {
        guard !stop.isRequested else { return }
        var options = indexOptions(presentRoots())
        guard !options.roots.isEmpty else { return }
        options.walk.focus = focus
        options.refreshesSnapshot = false
        if let embedGroupSize { options.embedGroupSize = embedGroupSize }
        let pipeline = IndexPipeline(
            storePath: indexPath, encoder: encoder, registry: registry, options: options)
        let summary = try pipeline.run(stop: stop) { reporter.report($0) }
        reporter.batch(summary, kind: kind, paths: paths)
        if summary.indexed + summary.removed > 0 || focus == nil { snapshot.changed() }
        try refreshSnapshotIfDue()
    }

    /// Rewrites the vector snapshot if the schedule says it is time.
    mutating func refreshSnapshotIfDue() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        guard snapshot.isDue(at: start), !stop.isRequested else { return }
        try IndexStore(path: indexPath, create: false).refreshVectorIndex()
        snapshot.rewrote(from: start, to: DispatchTime.now().uptimeNanoseconds)
    }

    /// Leaves the index with a current snapshot, and says so.
    mutating func finish() throws {
        if snapshot.isStale {
            try IndexStore(path: indexPath, create: false).refreshVectorIndex()
        }
        reporter.stopped()
    }

    /// The roots that exist now; a root that is gone is reported once and its files kept.
    private mutating func presentRoots() -> [String] {
        roots.filter { root in
            let present = FileManager.default.fileExists(atPath: root)
            if !present, missingRoots.insert(root).inserted {
                reporter.report(.warning(path: root, message: "the folder is gone; its files stay in the index"))
            }
            if present { missingRoots.remove(root) }
            return present
        }
    }
}
