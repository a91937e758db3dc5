import Foundation
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the texts of `embed` and `tokenize` from standard input, a batch at a time: one text
/// per line, or with `jsonl` one `{"text": …}` object per line (blank lines skipped).
public struct TextInput {
    let jsonl: Bool
    private let stream: UnsafeMutablePointer<FILE>?
    private var lineNumber = 0
    private var sawText = false

    /// The C stream of file descriptor 0, opened once; only the main thread reads it.
    nonisolated(unsafe) private static let standardInput = fdopen(0, "r")

    /// Texts from standard input.
    public init(jsonl: Bool) {
        self.init(jsonl: jsonl, stream: Self.standardInput)
    }

    /// Texts from `stream`, which only this reader reads.
    public init(jsonl: Bool, stream: UnsafeMutablePointer<FILE>?) {
        self.jsonl = jsonl
        self.stream = stream
    }

    /// Up to `limit` texts; empty when the input is exhausted. Throws on invalid UTF-8, on a
    /// malformed JSON line, and on an input that holds no text at all.
    public mutating func next(limit: Int) throws -> [String] {
        var texts: [String] = []
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while texts.count < limit {
            let length = getline(&line, &capacity, stream)
            guard length >= 0, let line else { break }
            lineNumber += 1
            var bytes = UnsafeRawBufferPointer(start: line, count: length)
            if bytes.last == UInt8(ascii: "\n") { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
            if bytes.last == UInt8(ascii: "\r") { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
            guard let text = String(data: Data(bytes), encoding: .utf8) else {
                throw SemfindError(
                    .invalidInput,
                    "standard input line \(lineNumber) is not valid UTF-8; convert it first (e.g. iconv -f latin1 -t utf-8)"
                )
            }
            if jsonl {
                if text.allSatisfy(\.isWhitespace) { continue }
                texts.append(try Self.decodeJSONText(text, line: lineNumber))
            } else {
                texts.append(text)
            }
        }
        if texts.isEmpty && !sawText {
            let shape = jsonl ? "one {\"text\": …} object per line" : "one text per line"
            throw SemfindError(.invalidInput, "no input: give texts on standard input, \(shape)")
        }
        sawText = sawText || !texts.isEmpty
        return texts
    }

    private static func decodeJSONText(_ line: String, line number: Int) throws -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        guard let fields = object as? [String: Any], let text = fields["text"] as? String else {
            throw SemfindError(
                .invalidInput, "standard input line \(number) is not a JSON object with a string \"text\" field")
        }
        return text
    }
}
