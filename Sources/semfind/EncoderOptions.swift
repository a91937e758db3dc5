import ArgumentParser
import Foundation
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
    /// `defaultThreads` applies when `--threads` is not given (default: all cores); `precision`,
    /// when given, picks the dense layers' arithmetic (default float32).
    func loadEncoder(defaultThreads: Int? = nil, precision: EncoderPrecisionOptions? = nil) throws -> SentenceEncoder {
        let folder = try ModelLocator().locate(explicit: model)
        let count = threads ?? defaultThreads ?? ProcessInfo.processInfo.activeProcessorCount
        return try SentenceEncoder(
            folder: folder, threads: count, precision: precision?.encoderPrecision ?? .fp32,
            int8Kernel: precision?.int8Kernel ?? .best)
    }
}
