import ArgumentParser
import FileWalk
import IndexBackends
import Indexer
import QueryEngine
import ResultOutput
import TextEncoder
import VectorIndex
import VectorStore

/// `semfind index`: add folders to the index or bring it up to date.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index folders (or update the index: only new and changed files are read and embedded).",
        discussion: """
            With no FOLDER, the folders already in the index are updated. Exit status: 0 when every \
            file was indexed, found unchanged or deliberately skipped (binary, too large, ignored); \
            2 when a file could not be read or parsed (each is reported, the rest is indexed) or the \
            run could not be done at all, for example because another semfind is writing the same \
            index (--wait waits for it instead); 130 (SIGINT) or 143 (SIGTERM) when a signal stopped \
            the run: the file being written is finished, the summary printed, and a re-run \
            completes the index.
            """)

    @Argument(help: "Folders or files to index.", completion: .directory)
    var folders: [String] = []

    @OptionGroup var location: AnyIndexLocation
    @OptionGroup var encoderOptions: EncoderOptions

    @OptionGroup var indexing: IndexingOptions

    @Flag(name: .long, help: "Delete the index first and build it anew (after a model change).")
    var rebuild = false

    @Flag(
        name: .long,
        help: """
            Train the vector index (IVF lists) anew from the stored vectors, without embedding \
            anything again; with no FOLDER, no file is read.
            """)
    var reindexVectors = false

    @Option(
        name: .long,
        help: """
            How vectors are stored: int8 (a new index's default: a quarter of float32's bytes, the \
            same answers on the evaluation sets), f16 or f32. An index converts its vectors to a \
            lower precision without embedding; a higher one needs --rebuild.
            """)
    var precision: VectorPrecision?

    @Option(
        name: .customLong("encoder"),
        help: """
            The encoder's arithmetic: int8 (a new index's default on processors with AVX2 or \
            better: dense layers in 8-bit integers, 1.5-2.8x faster, answers within a query of \
            fp32's on each evaluation set) or fp32 (the default elsewhere). Recorded in the index; \
            an existing index keeps its own, and another one needs --rebuild.
            """)
    var encoderPrecision: EncoderPrecision?

    @Option(name: .long, help: "Copy this SQLite index's files, chunks and vectors into --index, embedding nothing.")
    var from: String?

    @Flag(name: .long, help: "If another semfind is writing the index, wait for it instead of failing.")
    var wait = false

    @Flag(name: .long, help: "Print progress and the summary as JSON Lines on stdout.")
    var json = false

    @Flag(name: .long, help: "List every skipped file with its reason.")
    var verbose = false

    func run() throws {
        let index = try location.address()
        let registry = try indexing.registry()
        let signals = SignalCatcher()
        // A PostgreSQL index has one writer per root instead (IndexPipeline claims them).
        let lock = try index.sqlitePath.map { try WriterLock(indexPath: $0, wait: wait) { signals.stop.isRequested } }
        defer { withExtendedLifetime(lock) {} }
        var reporter = IndexReporter(json: json, verbose: verbose)
        if let from {
            let copy = try IndexCopy.copy(from: IndexAddress.sqlitePath(named: from), into: index) {
                try encoderOptions.loadEncoder(forIndexAt: .sqlite(path: from), precision: $0)
            }
            return reporter.finish(copy, indexPath: index.description)
        }
        if reindexVectors, folders.isEmpty, !rebuild, let indexPath = index.sqlitePath {
            try IndexRoots.retrainVectors(indexPath: indexPath) { try encoderOptions.loadEncoder(forIndexAt: index) }
            return
        }
        let given = try folders.map(RootPath.absolute)
        // The store refuses a precision other than the one its vectors have (IndexPipeline); a
        // rebuild keeps the index's model unless --model names another.
        let recordedPrecision = try EncoderPrecision.recorded(atIndex: index)
        let encoder = try encoderOptions.loadEncoder(
            forIndexAt: index, precision: encoderPrecision ?? recordedPrecision ?? EncoderPrecision.newIndexDefault)
        let roots = try IndexRoots.resolve(given: given, index: index, rebuilding: rebuild)
        var options = indexing.indexOptions(roots: roots)
        options.retrainsVectorIndex = reindexVectors
        options.precision = precision
        let pipeline = IndexPipeline(index: index, encoder: encoder, registry: registry, options: options)
        let summary = try pipeline.run(stop: signals.stop) { reporter.report($0) }
        reporter.finish(summary, indexPath: index.description)
        if let status = signals.interruptedStatus { throw ExitCode(status) }
        if summary.failed > 0 { throw ExitCode(2) }
    }
}
