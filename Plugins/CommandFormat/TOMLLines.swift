import Foundation

/// Where things sit in a plugins file's text, for errors that name a line: TOMLKit reports lines
/// only for syntax errors, so the entries' headers and keys are found here, line by line.
struct TOMLLines {
    private let lines: [Substring]
    /// 0-based indexes of the `[[plugin]]` headers, in order.
    private let entryStarts: [Int]

    init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.lines = lines
        entryStarts = lines.indices.filter { Self.isHeader(lines[$0], named: PluginsFile.entryKey) }
    }

    /// The 1-based line of the `index`th entry's header.
    func entry(_ index: Int) -> Int {
        index < entryStarts.count ? entryStarts[index] + 1 : 1
    }

    /// The 1-based line where the `index`th entry sets `key` (its header's when not found).
    func key(_ key: String, inEntry index: Int) -> Int {
        guard index < entryStarts.count else { return 1 }
        let start = entryStarts[index] + 1
        let end = lines[start...].firstIndex { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("[") } ?? lines.count
        return lines[start..<end].firstIndex { Self.sets($0, key) }.map { $0 + 1 } ?? entry(index)
    }

    /// The 1-based line of a key or table `key` outside the entries (the first line when not found).
    func topLevel(_ key: String) -> Int {
        let index = lines.firstIndex { Self.sets($0, key) || Self.isHeader($0, named: key) }
        return (index ?? 0) + 1
    }

    private static func sets(_ line: Substring, _ key: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        for spelling in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(spelling) {
            if trimmed.dropFirst(spelling.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") {
                return true
            }
        }
        return false
    }

    private static func isHeader(_ line: Substring, named key: String) -> Bool {
        let name = line.drop { $0 == " " || $0 == "\t" || $0 == "[" }.prefix { $0 != "]" }
        return line.drop { $0 == " " || $0 == "\t" }.hasPrefix("[")
            && name.trimmingCharacters(in: .whitespaces) == key
    }
}
