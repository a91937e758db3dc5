import Foundation

/// One example of the CommonMark spec: Markdown and the HTML a conforming renderer makes of it.
struct CommonMarkExample: Decodable {
    let markdown: String
    let html: String
    let example: Int
    let section: String
}

/// The spec's examples, fetched by `scripts/setup --tests` into the user's cache (the spec is not
/// semfind's to ship).
enum CommonMarkSpec {
    static var path: String {
        let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] ?? NSHomeDirectory() + "/.cache"
        return cache + "/semfind/commonmark/commonmark.json"
    }

    /// The examples, or an error telling how to fetch them.
    static func examples() throws -> [CommonMarkExample] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecMissing(
                description: "no CommonMark spec examples at \(path): run scripts/setup --tests "
                    + "(or scripts/fetch-commonmark-spec)")
        }
        return try JSONDecoder().decode([CommonMarkExample].self, from: data)
    }

    struct SpecMissing: Error, CustomStringConvertible {
        let description: String
    }
}

/// The words (runs of letters and digits) a reader sees in a piece of HTML, as a browser shows
/// it: tags, comments, processing instructions, declarations, CDATA and the content of scripts
/// and style sheets are not shown; an image shows its `alt` text; character references are
/// resolved.
enum RenderedWords {
    static func of(_ html: String) -> [String] {
        var text = html
        for pattern in [
            "<(script|style)[\\s\\S]*?(</(script|style)>|$(?![\\s\\S]))", "<!--(>|->|[\\s\\S]*?-->)",
            "<\\?[\\s\\S]*?\\?>",
            "<!\\[CDATA\\[[\\s\\S]*?\\]\\]>", "<![A-Za-z][^>]*>",
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        text = text.replacingOccurrences(
            of: "<img[^>]*?alt=\"([^\"]*)\"[^>]*>", with: " $1 ", options: .regularExpression)
        // Block elements and line breaks separate words; inline ones (`foo<em>bar</em>`) do not.
        let blocks = "p|h[1-6]|li|ul|ol|pre|blockquote|hr|br|div|table|thead|tbody|tr|td|th"
        text = text.replacingOccurrences(
            of: "</?(\(blocks))(\\s[^>]*)?/?>", with: " ", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return words(resolvingReferences(text))
    }

    /// Runs of letters and digits, in order.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The HTML output escapes only `& < > "`; numeric references appear in raw HTML.
    private static func resolvingReferences(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let tail = rest[ampersand...]
            if let semicolon = tail.prefix(12).firstIndex(of: ";"),
                let scalar = scalar(String(tail[tail.index(after: ampersand)..<semicolon]))
            {
                result.unicodeScalars.append(scalar)
                rest = tail[tail.index(after: semicolon)...]
            } else {
                result += "&"
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }

    private static func scalar(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
