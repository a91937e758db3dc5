import Foundation

/// YAML front matter at the very start of a Markdown file: how many lines it takes, the title it
/// declares and what it says the document is about. Only a few keys are read (`title`;
/// `description` or `summary`; `keywords` or `tags`), with a small subset of YAML (plain, quoted
/// and block scalars, flow and block lists); front matter is metadata, never a section of its own.
struct FrontMatter {
    /// Lines taken, both `---` lines included; the block scan starts after them.
    let lineCount: Int
    /// The top-level `title:` value, unquoted and on one line; nil when absent or empty.
    let title: String?
    /// The description (or summary) and the keywords (or tags) the author gave, as one line of
    /// text — what the page says it is about, searchable with its opening; nil when neither.
    let about: String?

    /// Reads the front matter at the start of `lines`, or nil when there is none: line 1 is not
    /// `---`, the line after it is blank (then `---` is a thematic break, as in Pandoc), or no
    /// `---` or `...` line closes it.
    init?(_ lines: [MarkdownLine]) {
        guard lines.count >= 2, Self.isDelimiter(lines[0], closing: false), !lines[1].isBlank else { return nil }
        var end = 1
        while end < lines.count, !Self.isDelimiter(lines[end], closing: true) { end += 1 }
        guard end < lines.count else { return nil }
        lineCount = end + 1
        let body = lines[1..<end]
        title = Self.value(of: "title", in: body)
        let description = Self.value(of: "description", in: body) ?? Self.value(of: "summary", in: body)
        let keywords = Self.value(of: "keywords", in: body) ?? Self.value(of: "tags", in: body)
        let parts = [description, keywords.map(Self.listed)].compactMap { $0 }
        about = parts.isEmpty ? nil : parts.joined(separator: ". ")
    }

    private static func isDelimiter(_ line: MarkdownLine, closing: Bool) -> Bool {
        guard line.indent == 0 else { return false }
        let content = line.trimmedContent
        guard content.count == 3 else { return false }
        return content.elementsEqual("---".utf8) || (closing && content.elementsEqual("...".utf8))
    }

    /// The value of a top-level `key:` on one line, its continuation lines joined; nil when
    /// absent or empty.
    private static func value(of key: String, in lines: ArraySlice<MarkdownLine>) -> String? {
        guard let keyLine = lines.firstIndex(where: { value(of: key, on: $0) != nil }),
            let value = value(of: key, on: lines[keyLine])
        else { return nil }
        // Indented lines that follow continue the value (a multi-line or block scalar).
        var more: [String] = []
        var next = keyLine + 1
        while next < lines.endIndex, lines[next].isBlank || lines[next].indent > 0 {
            let text = String(decoding: lines[next].trimmedContent, as: UTF8.self)
            if !text.isEmpty { more.append(text) }
            next += 1
        }
        let scalar = unquoted(value, continuation: more)
        let text = scalar.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    /// A list's items, from a flow list (`[a, "b"]`), a block list (`- a` lines, joined as
    /// continuation lines are) or a plain scalar, joined by commas.
    private static func listed(_ value: String) -> String {
        let inner = value.hasPrefix("[") && value.hasSuffix("]") ? String(value.dropFirst().dropLast()) : value
        let items =
            inner.hasPrefix("- ")
            ? inner.dropFirst(2).components(separatedBy: " - ") : inner.components(separatedBy: ",")
        let quotesAndSpaces = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\"'"))
        let cleaned = items.map { $0.trimmingCharacters(in: quotesAndSpaces) }
        return cleaned.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The text after `key:` on a top-level line (key matched ignoring case), trimmed.
    private static func value(of key: String, on line: MarkdownLine) -> String? {
        let bytes = line.bytes
        let length = key.utf8.count
        guard line.indent == 0, bytes.count > length,
            String(decoding: bytes[0..<length], as: UTF8.self).lowercased() == key
        else { return nil }
        var offset = length
        while offset < bytes.count, ASCII.isSpaceOrTab(bytes[offset]) { offset += 1 }
        guard offset < bytes.count, bytes[offset] == ASCII.colon,
            offset + 1 == bytes.count || ASCII.isSpaceOrTab(bytes[offset + 1])
        else { return nil }
        let rest = bytes[(offset + 1)...].drop(while: ASCII.isSpaceOrTab)
        return String(decoding: rest, as: UTF8.self)
    }

    private static func unquoted(_ value: String, continuation: [String]) -> String {
        let whole = ([value] + continuation).joined(separator: " ")
        if value.hasPrefix("|") || value.hasPrefix(">") { return continuation.joined(separator: " ") }
        if value.hasPrefix("\"") { return doubleQuoted(whole.dropFirst()) }
        if value.hasPrefix("'") { return singleQuoted(whole.dropFirst()) }
        // A plain scalar ends where a comment (" #") begins.
        var plain = ""
        var previous: Character = " "
        for character in whole {
            if character == "#" && previous.isWhitespace { break }
            plain.append(character)
            previous = character
        }
        return plain
    }

    private static func doubleQuoted(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n", "t": result.append(" ")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func singleQuoted(_ text: Substring) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            guard character == "'" else {
                result.append(character)
                continue
            }
            // '' is an escaped quote; a lone ' ends the scalar.
            guard index < text.endIndex, text[index] == "'" else { break }
            result.append("'")
            index = text.index(after: index)
        }
        return result
    }
}
