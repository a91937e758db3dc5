import Foundation
import Indexer

extension IndexSummary {
    /// The summary `semfind index` ends with: what was indexed, then, when they apply, the
    /// plugins that read files, how to finish an interrupted run and what was skipped (with
    /// how to list them unless `verbose` did).
    public func humanLines(verbose: Bool) -> [String] {
        var lines = [
            "indexed \(indexed) files (\(chunks) chunks, \(embedded) embedded), "
                + "\(unchanged) unchanged, \(removed) removed, \(failed) failed, " + String(format: "%.1f s", seconds)
        ]
        if !indexedByPlugin.isEmpty { lines.append("indexed by plugin: \(CountList.text(indexedByPlugin))") }
        if interrupted {
            let waiting = unembedded > 0 ? " (\(unembedded) chunks wait for vectors)" : ""
            lines.append("interrupted\(waiting); run semfind index again to finish")
        }
        if skippedTotal > 0 {
            let reasons = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            lines.append("skipped \(skippedTotal) files: \(reasons)\(verbose ? "" : " (--verbose lists them)")")
        }
        return lines
    }
}
