import Foundation
import IndexSync
import Indexer
import ResultOutput

/// Shows `semfind watch` as it runs: on stderr, one line per batch that changed the index
/// (files updated and removed, chunks embedded, seconds) and one per failed file; with `json`,
/// JSON Lines on stdout: `watching` once ready, then a `batch` for every batch (the summary
/// `semfind index --json` gives, plus `kind`: `catch-up`, `changes` or `rescan`, and `paths`,
/// the number of paths the events named), and `stopped` at the end.
struct WatchReporter: WatchReporting {
    let json: Bool
    private var files: IndexReporter

    init(json: Bool, verbose: Bool) {
        self.json = json
        files = IndexReporter(json: json, verbose: verbose)
    }

    /// A file's failure, warning or skip (progress is left out: batches are reported whole).
    mutating func report(_ event: IndexEvent) {
        switch event {
        case .progress, .embedding: return
        default: break
        }
        files.report(event)
    }

    func watching(roots: [String], source: String, folders: Int?) {
        if json {
            IndexReporter.emit("watching", Watching(roots: roots, source: source, folders: folders))
            return
        }
        let watched = folders.map { ", \($0) folders watched" } ?? ""
        say("watching \(roots.joined(separator: ", ")) (\(source)\(watched)); stop with Ctrl-C")
    }

    func batch(_ summary: IndexSummary, kind: String, paths: Int) {
        if json {
            IndexReporter.emit("batch", SummaryWith(IndexSummaryReport(summary), Batch(kind: kind, paths: paths)))
            return
        }
        guard summary.indexed + summary.removed + summary.failed > 0 else { return }
        say(
            "\(kind): updated \(summary.indexed) files, removed \(summary.removed), failed \(summary.failed) "
                + "(\(summary.embedded) chunks embedded), " + String(format: "%.2f s", summary.seconds))
    }

    func stopped() {
        json ? IndexReporter.emit("stopped", [String: String]()) : say("stopped")
    }

    private func say(_ text: String) {
        FileHandle.standardError.write(Data("semfind watch: \(text)\n".utf8))
    }

    private struct Watching: Encodable {
        let roots: [String]
        let source: String
        let folders: Int?
    }

    private struct Batch: Encodable {
        let kind: String
        let paths: Int
    }
}
