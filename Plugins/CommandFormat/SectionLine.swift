import Foundation
import SemfindCore

/// One line of a command's `sections` output: a JSON object per section, in file order.
///
/// ```json
/// {"text": "…", "heading_path": ["Chapter", "Part"], "first_line": 12, "last_line": 20, "kind": "prose"}
/// ```
///
/// `text` is required (a section whose text is blank is dropped); `heading_path` (strings,
/// outermost first) defaults to none, `first_line` and `last_line` (1-based, inclusive, lines of
/// the file) to 1 and `first_line`, `kind` (prose, code, table or list) to prose. Blank lines are
/// skipped; any other line that is not such an object fails the file, naming the line.
struct SectionLine: Decodable {
    let text: String
    let headingPath: [String]?
    let firstLine: Int?
    let lastLine: Int?
    let kind: Section.Kind?

    enum CodingKeys: String, CodingKey {
        case text
        case headingPath = "heading_path"
        case firstLine = "first_line"
        case lastLine = "last_line"
        case kind
    }

    static func document(_ output: [UInt8]) throws -> ParsedDocument {
        var sections: [Section] = []
        let decoder = JSONDecoder()
        for (index, line) in output.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let entry: SectionLine
            do {
                entry = try decoder.decode(SectionLine.self, from: Data(line))
            } catch {
                throw SemfindError(
                    .invalidInput,
                    "sections output line \(index + 1): not a section object (text, heading_path, "
                        + "first_line, last_line, kind)")
            }
            guard !entry.text.allSatisfy(\.isWhitespace) else { continue }
            let first = max(1, entry.firstLine ?? 1)
            let last = max(first, entry.lastLine ?? first)
            sections.append(
                Section(
                    text: entry.text, headingPath: entry.headingPath ?? [],
                    span: SourceSpan(firstLine: first, lastLine: last, bytes: 0..<0), kind: entry.kind ?? .prose))
        }
        return ParsedDocument(sections: sections)
    }
}
