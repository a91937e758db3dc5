import ArgumentParser
import Foundation
import IndexBackends
import QueryEngine
import SearchServer
import TextEncoder

/// The options every command that loads the encoder shares.
struct EncoderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            Model folder, or the name of one in ~/.local/share/semfind/models (default: $SEMFIND_MODEL, \
            then the index's model, then all-MiniLM-L6-v2).
            """)
    var model: String?

    @Option(name: .long, help: "Threads for the encoder (default: all cores; 1 for a one-shot search).")
    var threads: Int?

    @Option(
        name: .long,
        help: """
            Text put before every query (e5: "query: "); default: the one the index was built \
            with, else the model's own prompt. Recorded by semfind index; another needs --rebuild.
            """)
    var queryPrefix: String?

    @Option(name: .long, help: "Text put before every passage embedded (e5: \"passage: \"); default as --query-prefix.")
    var passagePrefix: String?

    /// Finds and loads the model — for the index at `index`, the one it was built with
    /// unless `--model` or `SEMFIND_MODEL` says otherwise — or throws a `SemfindError` that says
    /// how to install it. `defaultThreads` applies when `--threads` is not given (default: all
    /// cores); `precision` is the dense layers' arithmetic, run by `int8Kernel` when it is int8
    /// (default: the one the index's vectors come from, else a new index's).
    func loadEncoder(
        forIndexAt index: IndexAddress? = nil, defaultThreads: Int? = nil, precision: EncoderPrecision? = nil,
        int8Kernel: Int8Kernel = .best
    ) throws -> SentenceEncoder {
        try SentenceEncoder.locating(
            model: model, forIndexAt: index,
            threads: threads ?? defaultThreads ?? ProcessInfo.processInfo.activeProcessorCount, precision: precision,
            int8Kernel: int8Kernel, queryPrefix: queryPrefix, passagePrefix: passagePrefix)
    }
}

extension EncoderOptions {
    /// The encoders a server of the index at `index` shares. Queries are encoded one at a
    /// time on one thread by default: a second encoder thread competes with the search's own
    /// second thread on a two-core machine (serve p50 50 ms with two, 33 ms with one; docs/PERFORMANCE.md).
    func shared(forIndexAt index: IndexAddress) -> SharedEncoder {
        SharedEncoder { try loadEncoder(forIndexAt: index, defaultThreads: 1, precision: $0) }
    }
}
