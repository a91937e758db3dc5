import Foundation
import SemfindCore

/// One line of an evaluation file: a query and the files (or line ranges) that answer it.
public struct LabeledQuery: Sendable, Equatable {
    public let id: String
    public let query: String
    public let relevant: [RelevantItem]
    /// Optional context to read a short query with: `"context": "text"` as `--context` gives
    /// it, or `"session": ["earlier query", …]` (most recent first) as a shell session would.
    public let context: QueryContext?

    /// Reads a JSON Lines file; a malformed line is an error that names its line number.
    public static func load(path: String) throws -> [LabeledQuery] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SemfindError(.io, "cannot read \(path)")
        }
        var queries: [LabeledQuery] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard let object, let query = object["query"] as? String, let relevant = object["relevant"] as? [String]
            else {
                throw SemfindError(
                    .invalidInput,
                    "\(path):\(index + 1): expected {\"id\": …, \"query\": \"…\", \"relevant\": [\"path\", …]}")
            }
            guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SemfindError(
                    .invalidInput, "\(path):\(index + 1): the query is empty; write what a person would ask")
            }
            let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? String(index + 1)
            queries.append(
                LabeledQuery(
                    id: id, query: query, relevant: relevant.map(RelevantItem.init),
                    context: (object["context"] as? String).map { .given($0) }
                        ?? (object["session"] as? [String]).map { .session($0) }))
        }
        return queries
    }
}

extension LabeledQuery {
    /// What this query's results are scored over: passages when every relevant item names a
    /// line span, files otherwise.
    public var scoringUnit: ScoringUnit {
        !relevant.isEmpty && relevant.allSatisfy { $0.lines != nil } ? .passages : .files
    }

    /// The relevant items (their positions in `relevant`) that a result of `file` (an absolute
    /// path) spanning `lines` answers.
    public func itemsAnswered(byFile file: String, lines: ClosedRange<Int>, roots: [String]) -> Set<Int> {
        Set(relevant.indices.filter { relevant[$0].isAnswered(byFile: file, lines: lines, roots: roots) })
    }
}

extension LabeledQuery {
    /// A starter file for the files under `folder`: one line per file (hidden ones left out),
    /// its path relative to the folder as the relevant item and an empty query to fill in.
    public static func template(folder: String) throws -> String {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard
            let walk = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw SemfindError(.io, "cannot read the folder \(folder)") }
        var paths: [String] = []
        for case let url as URL in walk
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)))
        }
        guard !paths.isEmpty else { throw SemfindError(.invalidInput, "\(folder) has no files to label") }
        return try paths.sorted().map { path in
            let line = ["id": path, "query": "", "relevant": [path]] as [String: Any]
            let data = try JSONSerialization.data(
                withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }
}

/// A relevant file, relative to an indexed root, optionally narrowed to lines (`path#L10-L40`).
public struct RelevantItem: Sendable, Equatable {
    public let path: String
    public let lines: ClosedRange<Int>?

    public init(_ text: String) {
        let parts = text.split(separator: "#", maxSplits: 1).map(String.init)
        path = parts.first ?? text
        lines = parts.count == 2 ? Self.lineRange(parts[1]) : nil
    }

    /// Whether a result answers this item: its file (an absolute path) is this item's under
    /// one of `roots`, and, when the item names lines, the result's lines overlap them.
    public func isAnswered(byFile file: String, lines span: ClosedRange<Int>, roots: [String]) -> Bool {
        roots.contains { absolutePath(under: $0) == file } && (lines.map { $0.overlaps(span) } ?? true)
    }

    /// The item's file under an indexed root.
    func absolutePath(under root: String) -> String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }

    private static func lineRange(_ text: String) -> ClosedRange<Int>? {
        let bounds = text.split(separator: "-").map { Int($0.drop { $0 == "L" }) }
        guard let first = bounds.first ?? nil else { return nil }
        let last = bounds.count > 1 ? (bounds[1] ?? first) : first
        return first...max(first, last)
    }
}
