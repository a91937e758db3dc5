import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths printed as OSC 8 hyperlinks (`ESC ] 8 ; ; file://host/path ESC \ text ESC ] 8 ; ; ESC \`),
/// which terminals that know them make clickable and others show as the bare text. The link's
/// target is the absolute path, percent-encoded, so no byte of a path can end the sequence
/// early; the visible text is escaped as every printed path is (`TerminalText`).
public struct Hyperlink {
    /// This machine's name, as the `host` part of the `file://` URL.
    public let host: String

    public init(host: String) { self.host = host }

    public static var local: Hyperlink { Hyperlink(host: hostName()) }

    /// `text` linked to the file at `absolutePath`.
    public func wrap(_ text: String, absolutePath: String) -> String {
        let target = "file://" + host + Self.percentEncoded(absolutePath)
        return "\u{1B}]8;;\(target)\u{1B}\\\(text)\u{1B}]8;;\u{1B}\\"
    }

    /// Every byte outside the unreserved set and `/` as `%XX`.
    public static func percentEncoded(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += String(format: "%%%02X", byte)
            }
        }
        return encoded
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return percentEncoded(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
