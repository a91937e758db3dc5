import Foundation
import SemfindCore
import TextEncoder
import VectorStore

/// `semfind index`: walk → read → parse → chunk on a producer thread, embed → write on the
/// caller's, with a bounded queue between them, so parsing overlaps embedding and memory stays
/// bounded however large the folder. Each file's chunks are written in one transaction; files
/// gone from disk are removed once the walk has completed.
public struct IndexPipeline {
    public let storePath: String
    public let encoder: SentenceEncoder
    public let registry: FormatRegistry
    public let options: IndexOptions

    public init(storePath: String, encoder: SentenceEncoder, registry: FormatRegistry, options: IndexOptions) {
        self.storePath = storePath
        self.encoder = encoder
        self.registry = registry
        self.options = options
    }

    /// Runs the whole index update, telling `observe` about progress and about each file
    /// skipped or failed. Throws only for what stops the run (no index, another model, …).
    public func run(_ observe: (IndexEvent) -> Void) throws -> IndexSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        let store = try IndexStore(path: storePath, create: true)
        try store.bindModel(
            fingerprint: encoder.fingerprint, signature: encoder.fileSignature(), name: encoder.name,
            dimension: encoder.dimension)
        let walker = try Walker(roots: options.roots, options: options.walk)
        let tokenizer = encoder.tokenizer
        let preparer = FilePreparer(
            registry: registry,
            chunker: Chunker(options: options.chunker) { tokenizer.pieces($0).count },
            rechunkAll: try store.meta("chunker") != options.chunker.signature)
        let queue = BoundedQueue<QueuedFile>(weightLimit: 8 * options.embedGroupSize)
        let producer = Producer(storePath: storePath, walker: walker, preparer: preparer, queue: queue)
        producer.start()
        var countingOptions = options.walk
        countingOptions.detectTypes = false
        let counter = try FileCounter(walker: Walker(roots: options.roots, options: countingOptions))

        var writer = IndexWriter(store: store, encoder: encoder, batchSize: options.batchSize)
        var seen = Set<String>()
        while let item = queue.pop() {
            try writer.accept(item, seen: &seen, observe: observe)
            if writer.pendingChunks >= options.embedGroupSize {
                try writer.flush(expected: counter.total, observe)
            }
        }
        try writer.flush(expected: counter.total, observe)
        if let failure = producer.wait() { throw failure }
        for root in options.roots {
            for path in try store.filePaths(underRoot: root) where !seen.contains(path) {
                try store.removeFile(at: path)
                writer.summary.removed += 1
            }
        }
        try store.setMeta("chunker", options.chunker.signature)
        try store.refreshSnapshot()
        writer.summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return writer.summary
    }
}

/// The producer thread: walks, prepares each file, and queues it; closes the queue at the end.
///
/// `@unchecked Sendable`: `failure` is written by the producer thread before it signals `done`
/// and read only after `wait()` has received that signal.
private final class Producer: @unchecked Sendable {
    let storePath: String
    let walker: Walker
    let preparer: FilePreparer
    let queue: BoundedQueue<QueuedFile>
    private var failure: (any Error)?
    private let done = DispatchSemaphore(value: 0)

    init(storePath: String, walker: Walker, preparer: FilePreparer, queue: BoundedQueue<QueuedFile>) {
        self.storePath = storePath
        self.walker = walker
        self.preparer = preparer
        self.queue = queue
    }

    func start() {
        let thread = Thread { [self] in
            defer {
                queue.close()
                done.signal()
            }
            do {
                let records = try IndexStore(path: storePath, create: false)
                try walker.walk { event in
                    switch event {
                    case .file(let file):
                        let prepared = preparer.prepare(file, previous: try records.file(at: file.path))
                        let weight = if case .parsed(let parsed) = prepared { max(1, parsed.chunks.count) } else { 1 }
                        queue.push(QueuedFile(file: prepared, bytes: file.size), weight: weight)
                    case .skipped(let skipped):
                        let item: PreparedFile =
                            skipped.reason == .unreadable
                            ? .failed(path: skipped.path, message: skipped.detail)
                            : .skipped(path: skipped.path, reason: skipped.reason.rawValue, detail: skipped.detail)
                        queue.push(QueuedFile(file: item, bytes: 0), weight: 1)
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
