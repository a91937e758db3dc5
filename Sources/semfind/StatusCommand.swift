import ArgumentParser
import Foundation
import QueryEngine
import VectorStore

/// `semfind status`: what an index holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show an index: roots, files, chunks, vectors, size, model and index kind.")

    @OptionGroup var location: IndexLocation

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    /// For tests that compare two indexes: one JSON line per file, its path and chunk texts.
    @Flag(name: .long, help: .hidden)
    var listChunks = false

    /// For tests of crash safety: SQLite's integrity check, "ok" or its findings (exit 2).
    @Flag(name: .long, help: .hidden)
    var integrityCheck = false

    func run() throws {
        let store = try IndexStore(path: location.path, create: false)
        if listChunks {
            for file in try store.chunkTextsByFile() {
                print(ResultJSON.line(["path": file.path, "chunks": file.chunks]), terminator: "")
            }
            return
        }
        if integrityCheck {
            let result = try store.integrityCheck()
            print(result)
            if result != "ok" { throw ExitCode(2) }
            return
        }
        let status = try store.status()
        var fields = ResultJSON.status(status)
        if json {
            print(ResultJSON.line(fields), terminator: "")
            return
        }
        let order = [
            "index", "roots", "files", "files_by_plugin", "chunks", "vectors", "embedded", "bytes_on_disk", "model",
            "fingerprint",
            "dimension",
            "encoder", "precision", "relevance_floor",
            "index_kind", "ivf_lists", "ivf_probes", "ivf_recall_at_10", "ivf_recall_queries",
            "ivf_trained_vectors",
        ]
        let embedded = EmbeddingProgress(embedded: status.chunks - status.unembedded, chunks: status.chunks)
        fields["embedded"] =
            embedded.share + (status.unembedded > 0 ? "; the rest wait: run semfind index to embed them" : "")
        fields["files_by_plugin"] = Self.counts(status.filesByPlugin)
        for key in order {
            guard let value = fields[key] else { continue }
            var shown =
                (value as? [String]).map { $0.joined(separator: "\n" + String(repeating: " ", count: 20)) }
                ?? "\(value)"
            if key == "relevance_floor" {
                shown +=
                    " (the similarity unrelated text reaches in this index: searches leave out passages below it "
                    + "that only their meaning found)"
            }
            print("\(key.padding(toLength: 19, withPad: " ", startingAt: 0)) \(shown)")
        }
    }

    /// "12 markdown, 3 pdf": the most first, then by name ("none" for no file).
    static func counts(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "none" }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
            .joined(separator: ", ")
    }
}
