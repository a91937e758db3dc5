import Foundation
import Indexer
import ResultOutput
import Testing

/// What `semfind index` shows while it runs: progress from the one walk (files and a rate while
/// reading, a total and an ETA once embedding), file notes, and the summary.
@Suite struct IndexReporterTests {
    /// A reporter writing to buffers, whose clock moves only when the test says.
    private final class Harness {
        let captured = CapturedConsole()
        var now = Date(timeIntervalSince1970: 1000)
        func reporter(json: Bool, verbose: Bool = false) -> IndexReporter {
            IndexReporter(json: json, verbose: verbose, console: captured.console, interactive: true) { [self] in now }
        }
    }

    private func summary(files: Int, chunks: Int, unembedded: Int = 0) -> IndexSummary {
        var summary = IndexSummary()
        summary.indexed = files
        summary.chunks = chunks
        summary.unembedded = unembedded
        return summary
    }

    @Test func readingShowsFilesChunksAndARateWithoutATotal() {
        let harness = Harness()
        var reporter = harness.reporter(json: false)
        harness.now += 2
        reporter.report(.progress(summary(files: 40, chunks: 300)))
        #expect(harness.captured.err == "\r\u{1B}[Kreading: 40 files, 300 chunks, 20 files/s")
    }

    @Test func embeddingShowsItsTotalRateAndETA() {
        let harness = Harness()
        var reporter = harness.reporter(json: false)
        reporter.report(.progress(summary(files: 10, chunks: 100, unembedded: 100)))
        harness.now += 4
        reporter.report(.embedding(summary(files: 10, chunks: 100, unembedded: 60), waiting: 100))
        #expect(
            harness.captured.err.hasSuffix(
                "embedding: 40/100 chunks (searchable by keywords now), 10 chunks/s, ETA 6 s"))
    }

    @Test func jsonProgressCarriesThePhaseAndTheEmbeddingETA() throws {
        let harness = Harness()
        var reporter = harness.reporter(json: true)
        reporter.report(.progress(summary(files: 10, chunks: 100, unembedded: 100)))
        harness.now += 4
        reporter.report(.embedding(summary(files: 10, chunks: 100, unembedded: 60), waiting: 100))
        let lines = harness.captured.out.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        let data = lines.map { $0?["data"] as? [String: Any] }
        #expect(lines.map { $0?["type"] as? String } == ["progress", "progress"])
        #expect(data.first??["phase"] as? String == "reading")
        #expect(data.first??["eta_seconds"] == nil)
        #expect(data.last??["phase"] as? String == "embedding")
        #expect(data.last??["to_embed"] as? Int == 100)
        #expect(data.last??["eta_seconds"] as? Double == 6)
        #expect(harness.captured.err.isEmpty)
    }

    @Test func aFailureClearsTheProgressLineFirst() {
        let harness = Harness()
        var reporter = harness.reporter(json: false)
        harness.now += 1
        reporter.report(.progress(summary(files: 1, chunks: 1)))
        reporter.report(.failed(path: "/a.pdf", message: "the pdf parser crashed (SIGSEGV)"))
        #expect(harness.captured.err.hasSuffix("\r\u{1B}[Ksemfind: failed /a.pdf: the pdf parser crashed (SIGSEGV)\n"))
    }
}
