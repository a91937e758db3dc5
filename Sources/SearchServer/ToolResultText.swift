import Foundation
import IndexStorage
import ResultOutput
import VectorStore

/// The text content of `semfind mcp`'s tool results: what a person (or an agent reading
/// prose) sees, beside the same facts as structured content.
enum ToolResultText {
    /// A heading line, the warnings, then each result as `rank. path:lines — headings
    /// (similarity)` over its snippet on one line (the score where there is no similarity, as
    /// in keyword mode).
    static func search(_ answer: SearchService.Answer) -> String {
        let results = answer.response.results
        let count = results.isEmpty ? "No results" : results.count == 1 ? "1 result" : "\(results.count) results"
        var lines = ["\(count) for \"\(answer.request.query)\" (\(answer.request.mode.rawValue) search)."]
        lines += answer.response.warnings.map { "Warning: \($0)" }
        if let floor = answer.response.relevanceFloor, answer.response.belowFloor > 0 {
            lines.append(
                "Passages no closer to the query than unrelated text (similarity below this index's floor, "
                    + "\(decimal(floor))) were left out; pass \"floor\": false to see them.")
        }
        for (offset, result) in results.enumerated() {
            let hit = result.hit
            let headings = hit.headingPath.isEmpty ? "" : " — " + hit.headingPath.joined(separator: " › ")
            let stale =
                (result.byKeywordsAlone ? " [keyword match]" : "") + (result.stale ? " [changed since indexed]" : "")
            let score = result.similarity.map { "similarity \(decimal($0))" } ?? "score \(decimal(result.score))"
            lines.append("\(offset + 1). \(hit.path):\(hit.span.shown)\(headings) (\(score))\(stale)")
            lines.append("   " + result.snippet.text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    static func status(_ status: IndexStatus) -> String {
        let roots = status.roots.isEmpty ? "no folders yet" : status.roots.joined(separator: ", ")
        let model = status.modelName.map { "\($0), \(status.dimension ?? 0) dimensions" } ?? "no model yet"
        return """
            Index \(status.path): \(status.files) files, \(status.chunks) chunks, \(status.vectors) vectors, \
            \(status.bytesOnDisk) bytes on disk.
            Folders: \(roots).
            Model: \(model).
            Relevance floor: \(status.relevanceFloor.map { decimal($0.similarity) } ?? "not measured yet").
            """
    }

    private static func decimal(_ value: Double) -> String {
        String(format: "%.3f", value.isFinite ? value : 0)
    }
}
