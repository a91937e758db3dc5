import Foundation
import QueryEngine

/// Prints a search's results for people (grouped by file, `ResultPrinter+Human`; colour and
/// hyperlinks only on a terminal), for scripts and editors (JSON Lines,
/// `share/semfind/schema/search.schema.json`), for quickfix lists (vimgrep) or as bare file
/// paths. JSON and vimgrep give one passage per line. Warnings go to stderr, except in JSON,
/// where they are messages; so does the note that nothing passed the relevance floor.
public struct ResultPrinter {
    public enum Format: String, Codable, Sendable { case human, json, vimgrep, files }

    public let format: Format
    public let colour: Bool
    /// Paths below this folder are printed relative to it.
    public let folder: String
    /// Paths become links (`Hyperlink`) in human output, when set.
    public var hyperlink: Hyperlink?
    /// Lines of the file shown around each passage in human output (0: the snippet instead).
    public var contextLines = 0
    public var console = Console.standard

    public init(format: Format, colour: Bool, folder: String) {
        self.format = format
        self.colour = colour
        self.folder = folder
    }

    public func print(request: SearchRequest, response: SearchResponse, index: String, seconds: Double) {
        var out = OutputWriter(sink: console.out)
        switch format {
        case .json: json(request: request, response: response, index: index, seconds: seconds, into: &out)
        case .human: human(response, into: &out)
        case .vimgrep:
            warn(response)
            noteEmptyFloor(response)
            for result in response.results {
                let text = TerminalText.escaped(result.snippet.text)
                out.write("\(printed(result.hit.path)):\(result.hit.span.firstLine):1:\(text)\n")
            }
        case .files:
            warn(response)
            noteEmptyFloor(response)
            var listed = Set<String>()
            for result in response.results where listed.insert(result.hit.path).inserted {
                out.write(printed(result.hit.path) + "\n")
            }
        }
        out.flush()
    }

    private func json(
        request: SearchRequest, response: SearchResponse, index: String, seconds: Double, into out: inout OutputWriter
    ) {
        for message in SearchMessage.all(request, response, index: index, seconds: seconds, shownPath: shown) {
            out.write(JSONLine.encode(message))
        }
    }

    func warn(_ response: SearchResponse) {
        for warning in response.warnings {
            console.err("semfind: warning: \(warning)\n")
        }
    }

    /// Says so when the relevance floor left nothing: the search found passages, but none
    /// closer to the query than unrelated text comes in this index.
    func noteEmptyFloor(_ response: SearchResponse) {
        guard response.results.isEmpty, response.belowFloor > 0, let floor = response.relevanceFloor else { return }
        console.err(
            "semfind: nothing matches better than unrelated text does in this index (similarity below its floor, "
                + String(format: "%.3f", floor) + "); --no-floor shows the nearest passages anyway\n")
    }

    /// `shown(path)` safe to print as (part of) a line.
    func printed(_ path: String) -> String { TerminalText.escaped(shown(path)) }

    func shown(_ path: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func highlighted(_ snippet: Snippet) -> String {
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
