import Foundation
import Indexer

/// Shows `semfind watch` as it runs: on stderr, one line per batch that changed the index
/// (files updated and removed, chunks embedded, seconds) and one per failed file; with `json`,
/// JSON Lines on stdout: `watching` once ready, then a `batch` for every batch (the summary
/// `semfind index --json` gives, plus `kind`: `catch-up`, `changes` or `rescan`, and `paths`,
/// the number of paths the events named), and `stopped` at the end.
public struct WatchReport {
    let json: Bool
    private let console: Console
    private var files: IndexReporter

    public init(json: Bool, verbose: Bool, console: Console = .standard) {
        self.json = json
        self.console = console
        files = IndexReporter(json: json, verbose: verbose, console: console, interactive: false)
    }

    /// A file's failure, warning or skip (progress is left out: batches are reported whole).
    public mutating func report(_ event: IndexEvent) {
        switch event {
        case .progress, .embedding: return
        default: files.report(event)
        }
    }

    /// The catch-up scan is done and events are followed from `source` (over `folders` folders
    /// when it counts them).
    public func watching(roots: [String], source: String, folders: Int?) {
        if json {
            files.emit("watching", Watching(roots: roots, source: source, folders: folders))
            return
        }
        let watched = folders.map { ", \($0) folders watched" } ?? ""
        say("watching \(roots.joined(separator: ", ")) (\(source)\(watched)); stop with Ctrl-C")
    }

    /// A batch was written (said only when it changed the index, unless in JSON).
    public func batch(_ summary: IndexSummary, kind: String, paths: Int) {
        if json {
            files.emit("batch", SummaryWith(IndexSummaryReport(summary), Batch(kind: kind, paths: paths)))
            return
        }
        guard summary.indexed + summary.removed + summary.failed > 0 else { return }
        say(
            "\(kind): updated \(summary.indexed) files, removed \(summary.removed), failed \(summary.failed) "
                + "(\(summary.embedded) chunks embedded), " + String(format: "%.2f s", summary.seconds))
    }

    public func stopped() {
        json ? files.emit("stopped", [String: String]()) : say("stopped")
    }

    private func say(_ text: String) {
        console.err("semfind watch: \(text)\n")
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
