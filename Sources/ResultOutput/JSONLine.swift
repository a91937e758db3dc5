import Foundation

/// semfind's one JSON writer: every JSON line it prints or sends (search and status output,
/// `serve`'s and `mcp`'s messages, the warm socket's requests and replies) is a Codable value
/// written here, keys sorted and slashes left alone, with no newline inside it.
public enum JSONLine {
    /// `value` as one line of JSON, ending in a newline.
    public static func encode(_ value: some Encodable) -> String {
        // Only a value that cannot be JSON (a non-finite Double, which the output types never
        // hold) fails to encode; it is written as null rather than leaving a line out.
        guard let data = try? encoder.encode(value) else { return "null\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A value of type `T` read from one line of JSON.
    public static func decode<T: Decodable>(_ type: T.Type, from line: some Collection<UInt8>) throws -> T {
        try JSONDecoder().decode(type, from: Data(line))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
