import IndexStorage
import SemfindCore

/// The consumer side of the pipeline's first phase: collects parsed files and writes them a
/// group at a time in one transaction (each file whole: its own write is a savepoint of it), its
/// chunks with the vectors the index already holds for their content and the others as waiting
/// for one (`PendingEmbedder` embeds them next). One commit per group, not per file: 70,000
/// one-chunk notes were 70,000 commits, each its own keyword segment.
struct IndexWriter {
    let store: any FileCatalog & VectorTable & Transactional
    var summary = IndexSummary()
    private var pending: [ParsedFile] = []
    private(set) var pendingChunks = 0
    /// The pieces of the chunks written without a vector, for the embedding phase.
    var pendingPieces = PendingPieces()

    init(store: any FileCatalog & VectorTable & Transactional) {
        self.store = store
    }

    /// Handles one prepared file; `seen` collects the paths that stay in the index.
    mutating func accept(_ prepared: PreparedFile, seen: inout Set<String>, observe: (IndexEvent) -> Void) throws {
        switch prepared {
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

    /// Writes every pending file, in one transaction.
    mutating func flush(_ observe: (IndexEvent) -> Void) throws {
        guard !pending.isEmpty else { return }
        let chunks = pending.flatMap(\.chunks)
        let vectors = try store.vectors(forChunkHashes: chunks.map(\.contentHash))
        let (store, files) = (store, pending)
        try store.write {
            for file in files {
                let stored = file.chunks.map { chunk in
                    StoredChunk(
                        text: chunk.text, headingPath: chunk.headingPath, span: chunk.span, hash: chunk.contentHash,
                        vector: vectors[chunk.contentHash], opensSection: chunk.opensSection)
                }
                try store.replaceFile(file.record, root: file.root, chunks: stored)
            }
        }
        for chunk in chunks where vectors[chunk.contentHash] == nil { pendingPieces.keep(chunk) }
        summary.indexed += pending.count
        for file in pending { summary.indexedByPlugin[file.record.plugin, default: 0] += 1 }
        summary.chunks += chunks.count
        pending.removeAll()
        pendingChunks = 0
        observe(.progress(summary))
    }
}
