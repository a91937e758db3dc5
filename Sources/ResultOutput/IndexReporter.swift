import Foundation
import Indexer

/// Shows `semfind index` as it runs: a progress line on stderr when it is a terminal
/// (`interactive`), one line per failed (and with `verbose`, skipped) file, and the summary; or
/// with `json`, all of it as JSON Lines (`{"type": …, "data": …}`) on stdout.
public struct IndexReporter {
    let json: Bool
    let verbose: Bool
    private let console: Console
    private let interactive: Bool
    private let clock: () -> Date
    private let started: Date
    private var progressShown = false
    /// When the reading phase last reported (its end, once embedding began): the embedding
    /// rate's start.
    private var readingEnded: Date?

    public init(
        json: Bool, verbose: Bool, console: Console = .standard, interactive: Bool = isatty(2) == 1,
        clock: @escaping () -> Date = Date.init
    ) {
        self.json = json
        self.verbose = verbose
        self.console = console
        self.interactive = interactive
        self.clock = clock
        started = clock()
    }

    public mutating func report(_ event: IndexEvent) {
        switch event {
        case .progress(let summary):
            readingEnded = clock()
            if json {
                emit("progress", SummaryWith(IndexSummaryReport(summary), IndexProgress.Phase(phase: "reading")))
            } else if interactive {
                let rate = Double(summary.filesSeen) / max(clock().timeIntervalSince(started), 0.001)
                showProgress(IndexProgress.readingLine(summary, rate: rate))
            }
        case .embedding(let summary, let waiting):
            let elapsed = max(clock().timeIntervalSince(readingEnded ?? started), 0.001)
            let rate = Double(waiting - summary.unembedded) / elapsed
            if json {
                let phase = IndexProgress.Phase(
                    phase: "embedding", toEmbed: waiting, etaSeconds: IndexProgress.secondsLeft(summary, rate: rate))
                emit("progress", SummaryWith(IndexSummaryReport(summary), phase))
            } else if interactive {
                showProgress(IndexProgress.embeddingLine(summary, waiting: waiting, rate: rate))
            }
        case .skipped(let path, let reason, let detail):
            if json {
                emit("skipped", IndexProgress.FileNote(path: path, reason: reason, detail: detail))
            } else if verbose {
                message("skipped \(path): \(reason)\(detail.isEmpty ? "" : " (\(detail))")")
            }
        case .failed(let path, let text):
            json
                ? emit("failed", IndexProgress.FileNote(path: path, message: text)) : message("failed \(path): \(text)")
        case .warning(let path, let text):
            json
                ? emit("warning", IndexProgress.FileNote(path: path, message: text))
                : message("warning \(path): \(text)")
        }
    }

    public mutating func finish(_ summary: IndexSummary, indexPath: String) {
        if json {
            emit("summary", SummaryWith(IndexSummaryReport(summary), ["index": indexPath]))
            return
        }
        clearProgress()
        console.err(summary.humanLines(verbose: verbose).joined(separator: "\n") + "\n")
    }

    private mutating func showProgress(_ line: String) {
        console.err("\r\u{1B}[K\(line)")
        progressShown = true
    }

    private mutating func message(_ text: String) {
        clearProgress()
        console.err("semfind: \(text)\n")
    }

    private mutating func clearProgress() {
        guard progressShown else { return }
        console.err("\r\u{1B}[K")
        progressShown = false
    }

    /// Writes one JSON Lines message, `{"type": …, "data": …}`, on the console's output.
    public func emit(_ type: String, _ data: some Encodable) {
        console.out(JSONLine.encode(IndexMessage(type, data)))
    }
}
