import Foundation
import QueryEngine

/// Prints a search's results for people (colour only on a terminal), for scripts and editors
/// (JSON Lines, `share/semfind/schema/search.schema.json`), for quickfix lists (vimgrep) or as
/// bare file paths. Warnings go to stderr, except in JSON, where they are messages.
struct ResultPrinter {
    enum Format { case human, json, vimgrep, files }

    let format: Format
    let colour: Bool
    /// Paths below this folder are printed relative to it.
    let folder: String
    var console = Console.standard

    func print(request: SearchRequest, response: SearchResponse, index: String, seconds: Double) {
        var out = OutputWriter(sink: console.out)
        switch format {
        case .json: json(request: request, response: response, index: index, seconds: seconds, into: &out)
        case .human: human(response, into: &out)
        case .vimgrep:
            warn(response)
            for result in response.results {
                let text = TerminalText.escaped(result.snippet.text)
                out.write("\(printed(result.hit.path)):\(result.hit.span.firstLine):1:\(text)\n")
            }
        case .files:
            warn(response)
            var listed = Set<String>()
            for result in response.results where listed.insert(result.hit.path).inserted {
                out.write(printed(result.hit.path) + "\n")
            }
        }
        out.flush()
    }

    private func human(_ response: SearchResponse, into out: inout OutputWriter) {
        warn(response)
        if let augmentation = response.augmentation {
            let source = augmentation.source == "session" ? "this session's recent queries" : "the given context"
            console.err("semfind: short query read with \(source)\n")
        }
        for result in response.results {
            let hit = result.hit
            let lines =
                hit.span.lastLine > hit.span.firstLine
                ? "\(hit.span.firstLine)-\(hit.span.lastLine)" : "\(hit.span.firstLine)"
            var line = paint(printed(hit.path), "35") + ":" + paint(lines, "32")
            if !hit.headingPath.isEmpty {
                line += "  " + paint(TerminalText.escaped(hit.headingPath.joined(separator: " › ")), "36")
            }
            line +=
                "  "
                + paint(
                    String(format: result.similarity.map { _ in "%.3f" } ?? "%.2f", result.similarity ?? result.score),
                    "2")
            if result.stale { line += "  " + paint("[changed since indexed]", "33") }
            out.write(line + "\n    " + highlighted(result.snippet) + "\n")
        }
    }

    private func json(
        request: SearchRequest, response: SearchResponse, index: String, seconds: Double, into out: inout OutputWriter
    ) {
        out.write(message("begin", ResultJSON.begin(request, response, index: index)))
        for warning in response.warnings { out.write(message("warning", ["message": warning])) }
        for (rank, result) in response.results.enumerated() {
            out.write(message("result", ResultJSON.result(result, rank: rank + 1, shownPath: shown(result.hit.path))))
        }
        out.write(message("summary", ResultJSON.summary(response, seconds: seconds)))
    }

    private func message(_ type: String, _ data: [String: Any]) -> String {
        ResultJSON.line(["type": type, "data": data])
    }

    private func warn(_ response: SearchResponse) {
        for warning in response.warnings {
            console.err("semfind: warning: \(warning)\n")
        }
    }

    /// `shown(path)` safe to print as (part of) a line.
    private func printed(_ path: String) -> String { TerminalText.escaped(shown(path)) }

    private func shown(_ path: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func highlighted(_ snippet: Snippet) -> String {
        guard colour, !snippet.highlights.isEmpty else { return TerminalText.escaped(snippet.text) }
        let bytes = Array(snippet.text.utf8)
        var result = ""
        var position = 0
        func text(_ part: ArraySlice<UInt8>) -> String { TerminalText.escaped(String(decoding: part, as: UTF8.self)) }
        for range in snippet.highlights where range.lowerBound >= position && range.upperBound <= bytes.count {
            result += text(bytes[position..<range.lowerBound])
            result += paint(text(bytes[range]), "1;31")
            position = range.upperBound
        }
        return result + text(bytes[position...])
    }
}
