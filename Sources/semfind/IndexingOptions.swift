import ArgumentParser
import FileWalk
import Indexer
import TextEncoder

/// What to walk and how to chunk: the options `index` and `watch` share.
struct IndexingOptions: ParsableArguments {
    @Flag(name: .long, help: "Also index hidden files and folders (names starting with a dot).")
    var hidden = false

    @Flag(
        name: .long,
        help: "Follow symbolic links that lead outside the folder being indexed (never into /proc, /sys, /dev).")
    var follow = false

    @Option(name: .long, help: "Skip files larger than this many bytes.")
    var maxFileSize = 10 << 20

    @Option(name: .long, help: "Most word pieces per chunk.")
    var chunkTokens = 200

    @Option(name: .long, help: "Word pieces shared by consecutive chunks of one section.")
    var overlap = 32

    @Option(name: .long, help: "Texts per forward pass of the encoder.")
    var batchSize = SentenceEncoder.defaultBatchSize

    @Option(
        name: .long,
        help: """
            Seconds a binary format's parser (PDF) may take for one file; it runs in a child \
            process that is then stopped, and the file is reported as failed.
            """)
    var parseTimeout = 30.0

    @Option(
        name: .long,
        help: """
            The plugins file that declares formats read by commands (default: $SEMFIND_PLUGINS, else \
            $XDG_CONFIG_HOME/semfind/plugins.toml).
            """)
    var plugins: String?

    func validate() throws {
        guard chunkTokens >= 16, chunkTokens <= 254 else { throw ValidationError("--chunk-tokens must be in 16...254") }
        guard overlap >= 0, overlap < chunkTokens / 2 else {
            throw ValidationError("--overlap must be below half of --chunk-tokens")
        }
        guard maxFileSize > 0, batchSize > 0 else {
            throw ValidationError("--max-file-size and --batch-size must be positive")
        }
        guard parseTimeout > 0, parseTimeout <= 86400 else {
            throw ValidationError("--parse-timeout must be in (0, 86400]")
        }
    }

    /// The plugins of this run: the declared formats first; an invalid plugins file stops it.
    func registry() throws -> FormatRegistry { try Plugins.registry(pluginsFile: plugins) }

    var walk: WalkOptions { WalkOptions(maxFileSize: maxFileSize, includeHidden: hidden, followsLinksOutside: follow) }

    func indexOptions(roots: [String]) -> IndexOptions {
        var options = IndexOptions(
            roots: roots, walk: walk, chunker: ChunkerOptions(budget: chunkTokens, overlap: overlap),
            batchSize: batchSize)
        options.parser = IsolatedParsing.parser(timeout: parseTimeout)
        return options
    }
}
