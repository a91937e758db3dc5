import ArgumentParser
import Foundation
import SemfindCore
import VectorStore

/// `semfind QUERY…` / `semfind search QUERY…`: the files whose chunks mean what the query means.
///
/// For now exact semantic search only; keyword and hybrid ranking, the short-query policy and
/// sessions come with the query engine.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index by meaning (the default command: semfind QUERY).",
        discussion: "Exit status as grep: 0 when something was found, 1 when nothing was, 2 on error.")

    @Argument(help: "What to look for, in your own words.")
    var query: [String]

    @Option(name: [.customShort("k"), .long], help: "How many results.")
    var limit = 10

    @Flag(name: .long, help: "Print JSON Lines: {\"type\": \"result\", \"data\": …} per hit.")
    var json = false

    @OptionGroup var location: IndexLocation
    @OptionGroup var encoderOptions: EncoderOptions

    func validate() throws {
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give a query, e.g. semfind \"how do I rotate the logs\"")
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try IndexStore(path: location.path, create: false)
        let encoder = try encoderOptions.loadEncoder()
        try store.bindModel(fingerprint: encoder.fingerprint(), name: encoder.name, dimension: encoder.dimension)
        let index = try FlatIndex(store: store)
        let text = query.joined(separator: " ")
        let found = index.search(encoder.encode([text])[0], limit: limit)
        let scores = Dictionary(uniqueKeysWithValues: found.map { ($0.chunkID, $0.score) })
        let hits = try store.hits(found.map(\.chunkID))
        let here = FileManager.default.currentDirectoryPath + "/"
        var output = ""
        for hit in hits {
            let path = hit.path.hasPrefix(here) ? String(hit.path.dropFirst(here.count)) : hit.path
            let score = scores[hit.chunkID] ?? 0
            if json {
                let object: [String: Any] = [
                    "type": "result",
                    "data": [
                        "path": path, "first_line": hit.span.firstLine, "last_line": hit.span.lastLine,
                        "heading_path": hit.headingPath, "score": Double(score), "text": hit.text,
                    ],
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                output += String(decoding: data, as: UTF8.self) + "\n"
            } else {
                let heading = hit.headingPath.isEmpty ? "" : "  " + hit.headingPath.joined(separator: " › ")
                let snippet = hit.text.split(whereSeparator: \.isNewline).joined(separator: " ")
                output += "\(path):\(hit.span.firstLine)\(heading)  (\(String(format: "%.3f", score)))\n"
                output += "    \(snippet.prefix(160))\n"
            }
        }
        print(output, terminator: "")
        if hits.isEmpty { throw ExitCode(1) }
    }
}
