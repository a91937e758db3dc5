import ArgumentParser
import Foundation
import IndexStorage
import PostgresStore
import QueryEngine
import ResultOutput
import SemfindCore
import VectorStore

/// `--list-chunks`' line for one file.
private struct ChunkListing: Encodable {
    let path: String
    let chunks: [String]
}

/// `semfind status`: what an index holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show an index: roots, files, chunks, vectors, size, model and index kind.")

    @OptionGroup var location: AnyIndexLocation

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    /// For tests that compare two indexes: one JSON line per file, its path and chunk texts.
    @Flag(name: .long, help: .hidden)
    var listChunks = false

    /// For tests of crash safety: SQLite's integrity check, "ok" or its findings (exit 2).
    @Flag(name: .long, help: .hidden)
    var integrityCheck = false

    func run() throws {
        let status: IndexStatus
        switch try location.backend() {
        case .postgres(let address):
            guard !listChunks, !integrityCheck else {
                throw SemfindError(.invalidInput, "--list-chunks and --integrity-check read a SQLite index")
            }
            status = try PostgresStore(address: address, create: false).status()
        case .sqlite(let path):
            guard let sqliteStatus = try sqliteAnswer(path) else { return }
            status = sqliteStatus
        }
        let report = StatusReport(status)
        if json {
            print(JSONLine.encode(report), terminator: "")
            return
        }
        for (key, value) in Self.rows(report) {
            var shown = value.joined(separator: "\n" + String(repeating: " ", count: 20))
            if key == "relevance_floor" {
                shown +=
                    " (the similarity unrelated text reaches in this index: searches leave out passages below it "
                    + "that only their meaning found)"
            }
            print("\(key.padding(toLength: 19, withPad: " ", startingAt: 0)) \(shown)")
        }
    }

    /// The SQLite index's status, or nil when a hidden test flag printed its own answer
    /// (`--list-chunks`, `--integrity-check`).
    private func sqliteAnswer(_ path: String) throws -> IndexStatus? {
        let store = try IndexStore(path: path, create: false)
        if listChunks {
            for file in try store.chunkTextsByFile() {
                print(JSONLine.encode(ChunkListing(path: file.path, chunks: file.chunks)), terminator: "")
            }
            return nil
        }
        if integrityCheck {
            let result = try store.integrityCheck()
            print(result)
            if result != "ok" { throw ExitCode(2) }
            return nil
        }
        return try store.status()
    }

    /// The lines of the human view, each a key and its value's lines (more than one only for
    /// the roots), in the order people read them; what the report lacks is left out.
    static func rows(_ report: StatusReport) -> [(key: String, value: [String])] {
        let embedded = EmbeddingProgress(embedded: report.chunks - report.unembedded, chunks: report.chunks)
        let rows: [(String, [String]?)] = [
            ("index", [report.index]), ("roots", report.roots), ("files", ["\(report.files)"]),
            ("files_by_plugin", [CountList.text(report.filesByPlugin)]), ("chunks", ["\(report.chunks)"]),
            ("vectors", ["\(report.vectors)"]),
            (
                "embedded",
                [embedded.share + (report.unembedded > 0 ? "; the rest wait: run semfind index to embed them" : "")]
            ),
            ("bytes_on_disk", ["\(report.bytesOnDisk)"]), ("model", [report.model]),
            ("fingerprint", [report.fingerprint]), ("dimension", ["\(report.dimension)"]),
            ("encoder", report.encoder.map { [$0] }), ("precision", [report.precision]),
            ("relevance_floor", report.relevanceFloor.map { ["\($0)"] }), ("index_kind", [report.indexKind]),
            ("ivf_lists", report.ivfLists.map { ["\($0)"] }), ("ivf_probes", report.ivfProbes.map { ["\($0)"] }),
            ("ivf_recall_at_10", report.ivfRecallAt10.map { ["\($0)"] }),
            ("ivf_recall_queries", report.ivfRecallQueries.map { ["\($0)"] }),
            ("ivf_trained_vectors", report.ivfTrainedVectors.map { ["\($0)"] }),
        ]
        return rows.compactMap { key, value in value.map { (key, $0) } }
    }
}
