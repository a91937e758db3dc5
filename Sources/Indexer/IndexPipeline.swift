import FileTyping
import FileWalk
import Foundation
import IndexBackends
import IndexStorage
import SemfindCore
import TextEncoder

/// `semfind index`, in two phases. First walk → read → parse → chunk on a producer thread and
/// write on the caller's, with a bounded queue between them so that memory stays bounded
/// however large the folder: each file's chunks in one transaction, with the vectors the index
/// already has for their content, the rest waiting for one — keyword search finds every file at
/// once. Files gone from disk are removed once the walk has completed. Then `PendingEmbedder`
/// embeds what waits, openings first, committing as it goes, so that search by meaning covers
/// more of the index with every group.
///
/// With a focus (`options.walk.focus`) only the named paths are walked — an update after file
/// events — and only indexed files at or under them can be removed.
///
/// The index is either backend (`IndexAddress`): the pipeline writes through the storage seam
/// alone (`IndexBackend`), and claims its roots first (`RootClaims`: one writer per root).
public struct IndexPipeline {
    public let index: IndexAddress
    public let encoder: SentenceEncoder
    public let registry: FormatRegistry
    public let options: IndexOptions

    public init(index: IndexAddress, encoder: SentenceEncoder, registry: FormatRegistry, options: IndexOptions) {
        self.index = index
        self.encoder = encoder
        self.registry = registry
        self.options = options
    }

    /// The pipeline of the SQLite index at `storePath`.
    public init(storePath: String, encoder: SentenceEncoder, registry: FormatRegistry, options: IndexOptions) {
        self.init(index: .sqlite(path: storePath), encoder: encoder, registry: registry, options: options)
    }

    /// Runs the whole index update, telling `observe` about progress and about each file
    /// skipped or failed. Throws only for what stops the run (no index, another model, …).
    ///
    /// Once `stop` is requested no new file is taken and no new group embedded: the files read
    /// are written, nothing is removed (when the walk is incomplete), and the summary says
    /// `interrupted`; the chunks left waiting are embedded by the next run.
    ///
    /// When another run holds every root (a PostgreSQL index another machine is indexing), this
    /// one helps it embed instead (`help`).
    public func run(stop: StopRequest? = nil, _ observe: (IndexEvent) -> Void) throws -> IndexSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        let store = try index.open(create: true)
        try store.bindPrefixes(
            query: encoder.prompts.query, passage: encoder.prompts.passage, model: encoder.name)
        try store.bindModel(
            fingerprint: encoder.fingerprint, signature: encoder.fileSignature(), name: encoder.name,
            dimension: encoder.dimension)
        try store.bindEncoderPrecision(encoder.precision.rawValue)
        try store.settlePrecision(options.precision)
        let held = try store.claimRoots(options.roots)
        if !held.isEmpty {
            guard held.count == options.roots.count else {
                throw SemfindError.rootBusy(held[0], index: index.description)
            }
            return try help(store: store, started: started, stop: stop, observe)
        }
        var walkOptions = options.walk
        walkOptions.binaryFormats = registry.binaryFormats
        walkOptions.plainTextExtensions = registry.extensionsThatDecide
        walkOptions.excludedFiles = index.ownFiles
        let walker = try Walker(roots: options.roots, options: walkOptions, typer: FileTypeDetector())
        let tokenizer = encoder.tokenizer
        let preparer = FilePreparer(
            registry: registry,
            chunker: Chunker(options: options.chunker) { tokenizer.pieces($0) },
            rechunkAll: try store.chunkerSignature() != options.chunker.signature)
        let queue = BoundedQueue<PreparedFile>(weightLimit: 2 * options.writeGroupSize)
        let producer = Producer(
            index: index, walker: walker, preparer: preparer, parser: options.parser, queue: queue, stop: stop)
        producer.start()

        var writer = IndexWriter(store: store)
        var seen = Set<String>()
        while let item = queue.pop() {
            // Once stopped, the queue is only drained, so that the producer can see the request.
            if stop?.isRequested == true { continue }
            try writer.accept(item, seen: &seen, observe: observe)
            if writer.pendingChunks >= options.writeGroupSize {
                try writer.flush(observe)
            }
        }
        if stop?.isRequested == true {
            _ = producer.wait()
            writer.summary.interrupted = true
            writer.summary.unembedded = try store.unembeddedCount()
        } else {
            try writer.flush(observe)
            if let failure = producer.wait() { throw failure }
            writer.summary.removed = try removeVanished(store: store, seen: seen)
            if options.walk.focus == nil { try store.recordChunkerSignature(options.chunker.signature) }
            try embedWaiting(
                embedder(store: store, pieces: writer.pendingPieces), store: store, summary: &writer.summary,
                stop: stop, observe)
            writer.pendingPieces = PendingPieces()
            // Counted again: other runs on the index may have embedded, or claimed, some.
            writer.summary.unembedded = try store.unembeddedCount()
            if writer.summary.unembedded > 0 { writer.summary.interrupted = true }
        }
        return try finish(store: store, summary: writer.summary, started: started)
    }

    /// The embedding phase's embedder: groups of four encoder batches per commit at first, more
    /// (up to `embedGroupSize`) while a group takes under half a second.
    func embedder(store: any IndexBackend, pieces: PendingPieces) -> PendingEmbedder {
        PendingEmbedder(
            store: store, encoder: encoder, batchSize: options.batchSize,
            pace: GroupPace(
                smallest: min(options.embedGroupSize, 4 * options.batchSize), largest: options.embedGroupSize),
            pieces: pieces)
    }

    /// Embeds what waits with `embedder`, adding the chunks and seconds to the index's tally.
    func embedWaiting(
        _ embedder: PendingEmbedder, store: any IndexBackend, summary: inout IndexSummary, stop: StopRequest?,
        _ observe: (IndexEvent) -> Void
    ) throws {
        let embedding = (started: DispatchTime.now().uptimeNanoseconds, before: summary.embedded)
        try embedder.run(summary: &summary, stop: stop, observe)
        try store.recordEmbedding(
            chunks: summary.embedded - embedding.before,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - embedding.started) / 1e9)
    }

    /// The end of a run: the vector search brought up to date (trained only after a run that
    /// was not interrupted), the relevance floor measured when due, the seconds counted.
    func finish(store: any IndexBackend, summary: IndexSummary, started: UInt64) throws -> IndexSummary {
        var summary = summary
        if options.refreshesSnapshot {
            try store.refreshVectorSearch(retrain: options.retrainsVectorIndex, mayTrain: !summary.interrupted)
        }
        if !summary.interrupted {
            try store.refreshRelevanceFloor(force: options.retrainsVectorIndex, encoder: encoder)
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return summary
    }

    /// Removes the indexed files under the walked roots (or focus paths) that the walk did not
    /// see; returns how many.
    private func removeVanished(store: any FileCatalog, seen: Set<String>) throws -> Int {
        var removed = 0
        let underRoots = WalkFocus(paths: options.roots)
        let candidates =
            try options.walk.focus.map { focus in
                try focus.paths.flatMap { try store.filePaths(atOrUnder: $0) }
            } ?? options.roots.flatMap { try store.filePaths(underRoot: $0) }
        for path in Set(candidates) where !seen.contains(path) && underRoots.covers(path) {
            try store.removeFile(at: path)
            removed += 1
        }
        return removed
    }
}

/// The producer thread: walks, prepares each file, and queues it; closes the queue at the end.
///
/// `@unchecked Sendable`: `failure` is written by the producer thread before it signals `done`
/// and read only after `wait()` has received that signal.
private final class Producer: @unchecked Sendable {
    let index: IndexAddress
    let walker: Walker
    let preparer: FilePreparer
    let parser: @Sendable (StopRequest?) -> any DocumentParser
    let queue: BoundedQueue<PreparedFile>
    let stop: StopRequest?
    private var failure: (any Error)?
    private let done = DispatchSemaphore(value: 0)

    init(
        index: IndexAddress, walker: Walker, preparer: FilePreparer,
        parser: @escaping @Sendable (StopRequest?) -> any DocumentParser,
        queue: BoundedQueue<PreparedFile>, stop: StopRequest?
    ) {
        self.index = index
        self.walker = walker
        self.preparer = preparer
        self.parser = parser
        self.queue = queue
        self.stop = stop
    }

    func start() {
        let thread = Thread { [self] in
            defer {
                queue.close()
                done.signal()
            }
            do {
                let records = try index.open(create: false)
                let indexed = IndexedFileLookup(records.file(at:))
                var walker = walker
                let preparer = preparer
                // Made and dropped on this thread: a parse worker lives no longer than the walk.
                let parser = parser(stop)
                walker.isKnown = { path, status in
                    guard let previous = try? indexed.record(at: path) else { return false }
                    return preparer.isUnchanged(previous, size: status.size, modified: status.modified)
                }
                try walker.walk { event in
                    if stop?.isRequested == true { throw WalkStopped() }
                    switch event {
                    case .file(let file):
                        let prepared = preparer.prepare(
                            file, previous: try indexed.record(at: file.path), parser: parser)
                        let weight = if case .parsed(let parsed) = prepared { max(1, parsed.chunks.count) } else { 1 }
                        queue.push(prepared, weight: weight)
                    case .skipped(let skipped):
                        let item: PreparedFile =
                            skipped.reason == .unreadable
                            ? .failed(path: skipped.path, message: skipped.detail)
                            : .skipped(path: skipped.path, reason: skipped.reason.rawValue, detail: skipped.detail)
                        queue.push(item, weight: 1)
                    }
                }
            } catch {
                failure = error
            }
        }
        thread.name = "semfind-index-producer"
        thread.start()
    }

    /// Waits for the producer to finish; its error, if the walk stopped early.
    func wait() -> (any Error)? {
        done.wait()
        return failure
    }
}

/// Thrown from the walk's callback to unwind a walk that was asked to stop.
private struct WalkStopped: Error {}
