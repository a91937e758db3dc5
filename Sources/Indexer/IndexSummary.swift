/// What one `semfind index` run did, for the summary line and `--json`.
public struct IndexSummary: Sendable, Codable, Equatable {
    /// Files parsed and stored (new or changed).
    public var indexed = 0
    /// The files of `indexed` by the name of the plugin that read them.
    public var indexedByPlugin: [String: Int] = [:]
    /// Files found unchanged (same size and time, or same content).
    public var unchanged = 0
    /// Files removed from the index because they are gone (or no longer indexable).
    public var removed = 0
    /// Files left out, by reason ("binary", "too large", …).
    public var skipped: [String: Int] = [:]
    /// Files that could not be read or parsed.
    public var failed = 0
    /// Chunks of the indexed files.
    public var chunks = 0
    /// Texts the encoder embedded in this run (chunks whose content had a vector reused it).
    public var embedded = 0
    /// Of `embedded`, the texts tokenized when embedded: those left waiting by an earlier run
    /// (or past the memory kept for pieces); the others were encoded from the word pieces the
    /// chunker counted.
    public var retokenized = 0
    /// Chunks of the index still waiting for their vectors (searchable by keywords only): all
    /// those of the files written until the embedding phase, then fewer as it goes; more than 0
    /// at the end only when the run was stopped.
    public var unembedded = 0
    public var seconds = 0.0
    /// Set when the run was asked to stop (SIGINT, SIGTERM) before it had seen every file or
    /// embedded every chunk.
    public var interrupted = false

    public init() {}

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    /// Files the run has dealt with so far (each counted once, whatever the outcome).
    public var filesSeen: Int { indexed + unchanged + failed + skippedTotal }
}

/// What the pipeline tells its observer as it goes.
public enum IndexEvent: Sendable {
    /// Running totals, after each group of files is written. The walk is not counted ahead (one
    /// walk per run): how many files remain is unknown until it ends.
    case progress(IndexSummary)
    /// Running totals of the embedding phase, after each group of vectors is committed;
    /// `waiting` chunks waited when it began (`summary.unembedded` still wait).
    case embedding(IndexSummary, waiting: Int)
    /// A file left out, with the reason and details.
    case skipped(path: String, reason: String, detail: String)
    /// A file that could not be read or parsed; the run goes on.
    case failed(path: String, message: String)
    /// A problem with a file that did not stop it from being indexed.
    case warning(path: String, message: String)
}
