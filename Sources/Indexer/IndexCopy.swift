import Foundation
import IndexBackends
import IndexStorage
import SemfindCore
import TextEncoder
import VectorStore

/// `semfind index --index postgresql://… --from INDEX.sqlite`: a SQLite index's files, chunks
/// and vectors written into another index without embedding anything, so that moving to
/// PostgreSQL costs no second embedding of the corpus. Files are written as the pipeline writes
/// them, some thousands of chunks to a transaction: a commit per file spent most of a copy
/// waiting for the server's disk, and a copy that stops part way is started again into a new
/// index anyway. The copy is bound to the source's model, prompts and encoder
/// precision (checked against the encoder, which also measures the copy's relevance floor), and
/// its files stay unchanged for the next `semfind index` of the same roots.
public enum IndexCopy {
    /// Copies the SQLite index at `sourcePath` into `target`, which must hold no file yet.
    /// `encoder` loads the source's model in the given precision (the source's own). A
    /// transaction closes once it holds `chunksPerTransaction` chunks.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for a source without vectors, an encoder that
    ///   is not the source's model, or a target that already holds files.
    public static func copy(
        from sourcePath: String, into target: IndexAddress, chunksPerTransaction: Int = 2_000,
        encoder load: (EncoderPrecision) throws -> SentenceEncoder
    ) throws -> IndexSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        let source = try IndexStore(path: sourcePath, create: false)
        let meta = try source.meta()
        guard let fingerprint = meta.modelFingerprint, let recorded = try source.encoderPrecision() else {
            throw SemfindError(.invalidInput, "index \(sourcePath) holds no vectors to copy; index it first")
        }
        guard let precision = EncoderPrecision(rawValue: recorded) else {
            throw SemfindError(.invalidInput, "index \(sourcePath) was embedded by a \(recorded) encoder, unknown here")
        }
        let encoder = try load(precision)
        _ = try ModelBinding(
            fingerprint: fingerprint, signature: meta.modelSignature, name: meta.modelName, dimension: meta.dimension
        )
        .check(
            fingerprint: encoder.fingerprint, signature: encoder.fileSignature(), name: encoder.name,
            dimension: encoder.dimension, index: sourcePath)
        let prompts = (query: encoder.prompts.query, passage: encoder.prompts.passage)
        try EncoderRecord.checkPrefixes(stored: try source.recordedPrefixes(), given: prompts, index: sourcePath)
        let store = try target.open(create: true)
        guard try store.indexedFiles().isEmpty else {
            throw SemfindError(.invalidInput, "\(target) already holds files; copy into a new index (another schema=)")
        }
        try store.claimEveryRoot(try source.status().roots, index: target.description)
        try store.bindPrefixes(query: prompts.query, passage: prompts.passage, model: encoder.name)
        try store.bindModel(
            fingerprint: encoder.fingerprint, signature: encoder.fileSignature(), name: encoder.name,
            dimension: encoder.dimension)
        try store.bindEncoderPrecision(precision.rawValue)
        if let chunker = meta.chunkerSignature { try store.recordChunkerSignature(chunker) }
        var summary = IndexSummary()
        var batch: [(record: FileRecord, root: String, chunks: [StoredChunk])] = []
        var batchChunks = 0
        let writeBatch = {
            try store.write {
                for file in batch { try store.replaceFile(file.record, root: file.root, chunks: file.chunks) }
            }
            batch.removeAll(keepingCapacity: true)
            batchChunks = 0
        }
        try source.forEachStoredFile { record, root, chunks in
            batch.append((record, root, chunks))
            batchChunks += chunks.count
            summary.indexed += 1
            summary.indexedByPlugin[record.plugin, default: 0] += 1
            summary.chunks += chunks.count
            summary.unembedded += chunks.filter { $0.vector == nil }.count
            if batchChunks >= chunksPerTransaction { try writeBatch() }
        }
        try writeBatch()
        try store.recordEmbedding(
            chunks: meta[.embeddedChunks].flatMap { Int($0) } ?? 0,
            seconds: meta[.embeddingSeconds].flatMap { Double($0) } ?? 0)
        try store.refreshVectorSearch(retrain: true, mayTrain: true)
        try store.refreshRelevanceFloor(force: true, encoder: encoder)
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return summary
    }
}
