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
                let phase = Phase(phase: "reading", expectedFiles: expectedFiles, etaSeconds: remaining)
                Self.emit("progress", SummaryWith(IndexSummaryReport(summary), phase))
            } else if interactive {
                let files = expectedFiles.map { "\(summary.filesSeen)/\($0)" } ?? "\(summary.filesSeen)"
                let eta = remaining.map { String(format: ", ETA %.0f s", $0) } ?? ""
                let line = "reading: \(files) files, \(summary.chunks) chunks\(eta)"
                FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
                progressShown = true
            }
        case .embedding(let summary, let waiting):
            let elapsed = max(Date().timeIntervalSince(readingEnded ?? started), 0.001)
            let done = waiting - summary.unembedded
            if json {
                let phase = Phase(phase: "embedding", toEmbed: waiting)
                Self.emit("progress", SummaryWith(IndexSummaryReport(summary), phase))
            } else if interactive {
                let rate = Double(done) / elapsed
                let eta = rate > 0 ? String(format: ", ETA %.0f s", Double(summary.unembedded) / rate) : ""
                let line =
                    "embedding: \(done)/\(waiting) chunks (searchable by keywords now), "
                    + String(format: "%.0f chunks/s", rate) + eta
                FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
                progressShown = true
            }
        case .skipped(let path, let reason, let detail):
            if json {
                Self.emit("skipped", FileNote(path: path, reason: reason, detail: detail))
            } else if verbose {
                message("skipped \(path): \(reason)\(detail.isEmpty ? "" : " (\(detail))")")
            }
        case .failed(let path, let text):
            json ? Self.emit("failed", FileNote(path: path, message: text)) : message("failed \(path): \(text)")
        case .warning(let path, let text):
            json ? Self.emit("warning", FileNote(path: path, message: text)) : message("warning \(path): \(text)")
        }
    }

    mutating func finish(_ summary: IndexSummary, indexPath: String) {
        if json {
            Self.emit("summary", SummaryWith(IndexSummaryReport(summary), ["index": indexPath]))
            return
        }
        clearProgress()
        let skipped = summary.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var lines = [
            "indexed \(summary.indexed) files (\(summary.chunks) chunks, \(summary.embedded) embedded), "
                + "\(summary.unchanged) unchanged, \(summary.removed) removed, \(summary.failed) failed, "
                + String(format: "%.1f s", summary.seconds)
        ]
        if !summary.indexedByPlugin.isEmpty {
            lines.append("indexed by plugin: \(StatusCommand.counts(summary.indexedByPlugin))")
        }
        if summary.interrupted {
            let waiting = summary.unembedded > 0 ? " (\(summary.unembedded) chunks wait for vectors)" : ""
            lines.append("interrupted\(waiting); run semfind index again to finish")
        }
        if summary.skippedTotal > 0 {
            lines.append("skipped \(summary.skippedTotal) files: \(skipped)\(verbose ? "" : " (--verbose lists them)")")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
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

    /// A progress message's phase and what is known of the work ahead.
    private struct Phase: Encodable {
        var phase: String
        var expectedFiles: Int?
        var etaSeconds: Double?
        var toEmbed: Int?

        enum CodingKeys: String, CodingKey {
            case phase, expectedFiles = "expected_files", etaSeconds = "eta_seconds", toEmbed = "to_embed"
        }
    }

    /// A file skipped (`reason`, `detail`), failed or warned about (`message`).
    private struct FileNote: Encodable {
        var path: String
        var reason: String?
        var detail: String?
        var message: String?
    }
}
