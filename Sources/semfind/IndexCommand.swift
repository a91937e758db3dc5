import ArgumentParser
import Foundation
import Indexer
import SemfindCore
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
            run could not be done at all.
            """)

    @Argument(help: "Folders or files to index.", completion: .directory)
    var folders: [String] = []

    @OptionGroup var location: IndexLocation
    @OptionGroup var encoderOptions: EncoderOptions

    @Flag(name: .long, help: "Delete the index first and build it anew (after a model change).")
    var rebuild = false

    @Flag(name: .long, help: "Also index hidden files and folders (names starting with a dot).")
    var hidden = false

    @Option(name: .long, help: "Skip files larger than this many bytes.")
    var maxFileSize = 10 << 20

    @Option(name: .long, help: "Most word pieces per chunk.")
    var chunkTokens = 200

    @Option(name: .long, help: "Word pieces shared by consecutive chunks of one section.")
    var overlap = 32

    @Option(name: .long, help: "Texts per forward pass of the encoder.")
    var batchSize = 32

    @Flag(name: .long, help: "Print progress and the summary as JSON Lines on stdout.")
    var json = false

    @Flag(name: .long, help: "List every skipped file with its reason.")
    var verbose = false

    func validate() throws {
        guard chunkTokens >= 16, chunkTokens <= 254 else { throw ValidationError("--chunk-tokens must be in 16...254") }
        guard overlap >= 0, overlap < chunkTokens / 2 else {
            throw ValidationError("--overlap must be below half of --chunk-tokens")
        }
        guard maxFileSize > 0, batchSize > 0 else {
            throw ValidationError("--max-file-size and --batch-size must be positive")
        }
    }

    func run() throws {
        let indexPath = location.path
        var roots = try folders.map(Self.absolutePath)
        if rebuild {
            if roots.isEmpty, FileManager.default.fileExists(atPath: indexPath) {
                roots = try IndexStore(path: indexPath, create: false).status().roots
            }
            try IndexStore.remove(path: indexPath)
        } else if roots.isEmpty {
            roots = try IndexStore(path: indexPath, create: false).status().roots
        }
        guard !roots.isEmpty else {
            throw SemfindError(.invalidInput, "nothing to index: give a folder, e.g. semfind index ~/notes")
        }
        let encoder = try encoderOptions.loadEncoder()
        let options = IndexOptions(
            roots: roots, walk: WalkOptions(maxFileSize: maxFileSize, includeHidden: hidden),
            chunker: ChunkerOptions(budget: chunkTokens, overlap: overlap), batchSize: batchSize)
        let pipeline = IndexPipeline(
            storePath: indexPath, encoder: encoder, registry: Plugins.registry, options: options)
        var reporter = IndexReporter(json: json, verbose: verbose)
        let summary = try pipeline.run { reporter.report($0) }
        reporter.finish(summary, indexPath: indexPath)
        if summary.failed > 0 { throw ExitCode(2) }
    }

    static func absolutePath(_ path: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let url = URL(
            fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let standardized = url.standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: standardized) else {
            throw SemfindError(.invalidInput, "\(path): no such file or folder")
        }
        return standardized
    }
}
