import ArgumentParser
import Foundation
import QueryEngine
import SearchServer
import TextEncoder

/// The options every command that loads the encoder shares.
struct EncoderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Model folder (default: $SEMFIND_MODEL, then ~/.local/share/semfind/models/all-MiniLM-L6-v2).")
    var model: String?

    @Option(name: .long, help: "Threads for the encoder (default: all cores; 1 for a one-shot search).")
    var threads: Int?

    /// Finds and loads the model, or throws a `SemfindError` that says how to install one.
    /// `defaultThreads` applies when `--threads` is not given (default: all cores); `precision`
    /// is the dense layers' arithmetic, run by `int8Kernel` when it is int8.
    func loadEncoder(
        defaultThreads: Int? = nil, precision: EncoderPrecision = .fp32, int8Kernel: Int8Kernel = .best
    ) throws -> SentenceEncoder {
        let folder = try ModelLocator().locate(explicit: model)
        let count = threads ?? defaultThreads ?? ProcessInfo.processInfo.activeProcessorCount
        return try SentenceEncoder(folder: folder, threads: count, precision: precision, int8Kernel: int8Kernel)
    }

    /// Loads the encoder the vectors of the index at `path` come from: the precision it records
    /// (a new index's default for one that holds no vectors yet).
    func loadEncoder(forIndexAt path: String) throws -> SentenceEncoder {
        try loadEncoder(precision: EncoderPrecision.of(indexAt: path))
    }
}

extension EncoderOptions {
    /// The encoders a server shares. Queries are encoded one at a time on one thread by default:
    /// a second encoder thread competes with the search's own second thread on a two-core
    /// machine (serve p50 50 ms with two, 33 ms with one; docs/PERFORMANCE.md).
    func shared() -> SharedEncoder {
        SharedEncoder { try loadEncoder(defaultThreads: 1, precision: $0) }
    }
}
