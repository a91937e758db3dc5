import SemfindCore
import TextEncoder
import VectorStore

/// The consumer side of the pipeline: collects parsed files, embeds the chunks whose content
/// is not already in the index, and writes each file in its own transaction.
struct IndexWriter {
    let store: IndexStore
    let encoder: SentenceEncoder
    let batchSize: Int
    var summary = IndexSummary()
    private var pending: [ParsedFile] = []
    private(set) var pendingChunks = 0

    init(store: IndexStore, encoder: SentenceEncoder, batchSize: Int) {
        self.store = store
        self.encoder = encoder
        self.batchSize = batchSize
    }

    /// Handles one prepared file; `seen` collects the paths that stay in the index.
    mutating func accept(_ queued: QueuedFile, seen: inout Set<String>, observe: (IndexEvent) -> Void) throws {
        summary.bytesSeen += queued.bytes
        switch queued.file {
        case .unchanged(let path, let stat):
            seen.insert(path)
            if let stat { try store.updateStat(ofFileAt: path, size: stat.size, modified: stat.modified) }
            summary.unchanged += 1
        case .skipped(let path, let reason, let detail):
            summary.skipped[reason, default: 0] += 1
            observe(.skipped(path: path, reason: reason, detail: detail))
        case .failed(let path, let message):
            // What was indexed of a file that cannot be read now is kept, not lost.
            seen.insert(path)
            summary.failed += 1
            observe(.failed(path: path, message: message))
        case .parsed(let file):
            seen.insert(file.record.path)
            for warning in file.warnings { observe(.warning(path: file.record.path, message: warning)) }
            pending.append(file)
            pendingChunks += file.chunks.count
        }
    }

    /// Embeds and writes every pending file.
    mutating func flush(expected: ExpectedWork?, _ observe: (IndexEvent) -> Void) throws {
        guard !pending.isEmpty else { return }
        let chunks = pending.flatMap(\.chunks)
        var vectors = try store.vectors(forChunkHashes: chunks.map(\.contentHash))
        var missing: [String: String] = [:]
        for chunk in chunks where vectors[chunk.contentHash] == nil {
            missing[chunk.contentHash] = chunk.embeddingText
        }
        let order = Array(missing.keys)
        for (hash, vector) in zip(order, encoder.encode(order.compactMap { missing[$0] }, batchSize: batchSize)) {
            vectors[hash] = vector
        }
        for file in pending {
            let stored = file.chunks.compactMap { chunk in
                vectors[chunk.contentHash].map {
                    StoredChunk(
                        text: chunk.text, headingPath: chunk.headingPath, span: chunk.span, hash: chunk.contentHash,
                        vector: $0)
                }
            }
            try store.replaceFile(file.record, root: file.root, chunks: stored)
        }
        summary.indexed += pending.count
        summary.chunks += chunks.count
        summary.embedded += order.count
        pending.removeAll()
        pendingChunks = 0
        observe(.progress(summary, expected: expected))
    }
}
