import FileWalk
import Foundation
import IndexStorage
import SemfindCore
import VectorStore

/// The producer's work on one walked file: skip what is unchanged without reading it (same
/// size and time), then without parsing it (same content hash), else parse and chunk the
/// bytes the walker read.
struct FilePreparer: Sendable {
    let registry: FormatRegistry
    let chunker: Chunker
    /// Set when chunk options changed since the last run: every file is chunked again.
    let rechunkAll: Bool

    /// `parser` runs the plugin: the producer's own, made by `IndexOptions.parser`.
    func prepare(_ file: WalkedFile, previous: FileRecord?, parser: any DocumentParser) -> PreparedFile {
        if file.knownUnchanged { return .unchanged(path: file.path, stat: nil) }
        guard let plugin = registry.plugin(mimeType: file.mimeType, charset: file.charset, path: file.path) else {
            return .skipped(path: file.path, reason: "unsupported type", detail: file.mimeType)
        }
        let samePlugin = previous?.plugin == plugin.name && previous?.pluginVersion == plugin.version && !rechunkAll
        if let previous, samePlugin, previous.size == file.size, previous.modified == file.modified {
            return .unchanged(path: file.path, stat: nil)
        }
        guard let bytes = file.content else {
            preconditionFailure("the walk yields a changed file with its content: \(file.path)")
        }
        let hash = XXHash64.hex(XXHash64.hash(bytes))
        if let previous, samePlugin, previous.contentHash == hash {
            return .unchanged(path: file.path, stat: (bytes.count, file.modified))
        }
        // A text file is decoded once, in the charset it declares: its lines go to the plugin and
        // to the chunker.
        let decoded = plugin.readsBinary ? nil : DecodedText(bytes, declared: plugin.declaredCharset(in: bytes))
        let document: ParsedDocument
        do {
            document = try parser.parse(bytes, decoded: decoded, with: plugin)
        } catch let error as SemfindError {
            return .failed(path: file.path, message: error.message)
        } catch {
            return .failed(path: file.path, message: "\(plugin.name) parser failed: \(error)")
        }
        // A binary format's spans count lines of its extracted text, not of the file: its pieces
        // keep their lines and their section's bytes (`ChunkAssembler.pieceSpan`).
        let lines = decoded?.lines ?? []
        let record = FileRecord(
            path: file.path, size: bytes.count, modified: file.modified, contentHash: hash, plugin: plugin.name,
            pluginVersion: plugin.version)
        return .parsed(
            ParsedFile(
                record: record, root: file.root, chunks: chunker.chunks(of: document, lines: lines),
                warnings: document.warnings))
    }

    /// Whether a file of this size and time is the one `previous` records, to be parsed by the
    /// same plugin version with the same chunk options: then it needs no reading at all.
    func isUnchanged(_ previous: FileRecord, size: Int, modified: Int64) -> Bool {
        !rechunkAll && previous.size == size && previous.modified == modified
            && registry.plugins.contains { $0.name == previous.plugin && $0.version == previous.pluginVersion }
    }
}
