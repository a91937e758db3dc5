import Foundation
import QueryEngine

/// The human form: a file's passages together under one heading line, files in the order of
/// their best passage (as ripgrep groups a file's matches), each passage with its lines,
/// headings, similarity and why it is there when that is not obvious, then its snippet — or,
/// with `--context-lines`, the file's own lines around it when the file is unchanged.
extension ResultPrinter {
    func human(_ response: SearchResponse, into out: inout OutputWriter) {
        warn(response)
        noteEmptyFloor(response)
        if let augmentation = response.augmentation {
            let source = augmentation.source == "session" ? "this session's recent queries" : "the given context"
            console.err("semfind: short query read with \(source)\n")
        }
        var files: [String] = []
        var passages: [String: [SearchResult]] = [:]
        for result in response.results {
            if passages[result.hit.path] == nil { files.append(result.hit.path) }
            passages[result.hit.path, default: []].append(result)
        }
        for (position, path) in files.enumerated() {
            if position > 0 { out.write("\n") }
            var heading = paint(printed(path), "35")
            if let hyperlink { heading = hyperlink.wrap(heading, absolutePath: path) }
            out.write(heading + "\n")
            let results = passages[path] ?? []
            let lines = contextLines > 0 && results.contains(where: Self.showsFileLines) ? FileLines(path: path) : nil
            for (index, result) in results.enumerated() {
                if lines != nil, index > 0 { out.write(paint("--", "2") + "\n") }
                out.write(passageLine(result, augmentation: response.augmentation) + "\n")
                if let lines, Self.showsFileLines(result) {
                    let span = result.hit.span
                    for line in lines.around(first: span.firstLine, last: span.lastLine, context: contextLines) {
                        let number = paint(String(line.number), "32") + (line.inPassage ? ":" : "-")
                        out.write(number + TerminalText.escaped(line.text) + "\n")
                    }
                } else {
                    out.write("    " + highlighted(result.snippet) + "\n")
                }
            }
        }
    }

    /// `lines  headings  similarity  why` (pages instead of lines in a paged format): why only
    /// when it is not the passage's meaning (a keyword match), or when the query was read with
    /// other text.
    private func passageLine(_ result: SearchResult, augmentation: QueryAugmentation?) -> String {
        var line = paint(result.hit.span.shown, "32")
        if !result.hit.headingPath.isEmpty {
            line += "  " + paint(TerminalText.escaped(result.hit.headingPath.joined(separator: " › ")), "36")
        }
        let score = String(
            format: result.similarity.map { _ in "%.3f" } ?? "%.2f", result.similarity ?? result.score)
        line += "  " + paint(score, "2")
        if result.byKeywordsAlone { line += "  " + paint("keyword match", "33") }
        if let augmentation { line += "  " + paint("context: " + Self.abbreviated(augmentation.text), "33") }
        if result.stale { line += "  " + paint("[changed since indexed]", "33") }
        return line
    }

    /// Whether `--context-lines` shows the file's own lines around a passage: not when the file
    /// changed since, nor in a paged format (a PDF's lines are not the file's), nor when the
    /// passage has no bytes in the file (a declared format's: its text is a command's output).
    private static func showsFileLines(_ result: SearchResult) -> Bool {
        !result.stale && result.hit.span.pages == nil && !result.hit.span.bytes.isEmpty
    }

    /// `text` on one line, escaped, cut to about 40 characters.
    private static func abbreviated(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let cut = flat.count > 40 ? String(flat.prefix(39)) + "…" : flat
        return TerminalText.escaped(cut)
    }
}
