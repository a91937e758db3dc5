import IndexStorage
import SemfindCore
import VectorStore

/// A file as the producer hands it to the writer: parsed and chunked, or found unchanged,
/// skipped, or failed.
enum PreparedFile: Sendable {
    /// Same content as indexed; `stat` is set when size or time changed and should be stored.
    case unchanged(path: String, stat: (size: Int, modified: Int64)?)
    case skipped(path: String, reason: String, detail: String)
    case failed(path: String, message: String)
    case parsed(ParsedFile)
}

/// A new or changed file, ready for its chunks to be embedded and stored.
struct ParsedFile: Sendable {
    let record: FileRecord
    let root: String
    let chunks: [Chunk]
    let warnings: [String]
}
