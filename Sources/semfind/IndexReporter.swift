import Foundation
import Indexer
import ResultOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows `semfind index` as it runs: a progress line on stderr when it is a terminal, one line
/// per failed (and with `verbose`, skipped) file, and the summary; or with `json`, all of it as
/// JSON Lines (`{"type": …, "data": …}`) on stdout.
struct IndexReporter {
    let json: Bool
    let verbose: Bool
    private let started = Date()
    private let interactive = isatty(2) == 1
    private var progressShown = false
    /// When the reading phase last reported (its end, once embedding began): the embedding
    /// rate's start.
    private var readingEnded: Date?

    init(json: Bool, verbose: Bool) {
        self.json = json
        self.verbose = verbose
    }

    mutating func report(_ event: IndexEvent) {
        switch event {
        case .progress(let summary, let expected):
            readingEnded = Date()
            let elapsed = max(Date().timeIntervalSince(started), 0.001)
            let remaining = expected.map { $0.secondsLeft(after: elapsed, done: summary) }
            let expectedFiles = expected?.files
            if json {
                let phase = IndexProgress.Phase(phase: "reading", expectedFiles: expectedFiles, etaSeconds: remaining)
                Self.emit("progress", SummaryWith(IndexSummaryReport(summary), phase))
            } else if interactive {
                showProgress(IndexProgress.readingLine(summary, expectedFiles: expectedFiles, secondsLeft: remaining))
            }
        case .embedding(let summary, let waiting):
            let elapsed = max(Date().timeIntervalSince(readingEnded ?? started), 0.001)
            if json {
                let phase = IndexProgress.Phase(phase: "embedding", toEmbed: waiting)
                Self.emit("progress", SummaryWith(IndexSummaryReport(summary), phase))
            } else if interactive {
                let rate = Double(waiting - summary.unembedded) / elapsed
                showProgress(IndexProgress.embeddingLine(summary, waiting: waiting, rate: rate))
            }
        case .skipped(let path, let reason, let detail):
            if json {
                Self.emit("skipped", IndexProgress.FileNote(path: path, reason: reason, detail: detail))
            } else if verbose {
                message("skipped \(path): \(reason)\(detail.isEmpty ? "" : " (\(detail))")")
            }
        case .failed(let path, let text):
            json
                ? Self.emit("failed", IndexProgress.FileNote(path: path, message: text))
                : message("failed \(path): \(text)")
        case .warning(let path, let text):
            json
                ? Self.emit("warning", IndexProgress.FileNote(path: path, message: text))
                : message("warning \(path): \(text)")
        }
    }

    mutating func finish(_ summary: IndexSummary, indexPath: String) {
        if json {
            Self.emit("summary", SummaryWith(IndexSummaryReport(summary), ["index": indexPath]))
            return
        }
        clearProgress()
        let lines = summary.humanLines(verbose: verbose)
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    private mutating func showProgress(_ line: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        progressShown = true
    }

    private mutating func message(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data("semfind: \(text)\n".utf8))
    }

    private mutating func clearProgress() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        progressShown = false
    }

    /// Writes one JSON Lines message, `{"type": …, "data": …}`, on stdout.
    static func emit(_ type: String, _ data: some Encodable) {
        FileHandle.standardOutput.write(Data(JSONLine.encode(IndexMessage(type, data)).utf8))
    }
}
