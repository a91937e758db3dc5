/// A text file's bytes decoded to lines, each line remembering its byte range in the
/// original file, whatever the encoding: UTF-8 (with or without BOM), UTF-16 with BOM, and
/// Latin-1 as the fallback for bytes that are not valid UTF-8 (with a warning, never silent
/// replacement characters).
public struct DecodedText: Sendable {
    /// One line without its terminator ("\n", "\r\n" or "\r").
    public struct Line: Sendable, Equatable {
        /// 1-based.
        public let number: Int
        public let text: String
        /// The line's bytes in the original file, terminator excluded.
        public let bytes: Range<Int>

        public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    }

    public let lines: [Line]
    /// Set when the bytes were not what they claimed to be (e.g. invalid UTF-8).
    public let warning: String?

    public init(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xFE]) {
            (lines, warning) = Self.decodeUTF16(bytes, bigEndian: false)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (lines, warning) = Self.decodeUTF16(bytes, bigEndian: true)
        } else {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if Self.isValidUTF8(bytes[start...]) {
                lines = Self.splitLines(bytes, from: start) { String(decoding: bytes[$0], as: UTF8.self) }
                warning = nil
            } else {
                lines = Self.splitLines(bytes, from: 0) { range in
                    String(String.UnicodeScalarView(bytes[range].map { Unicode.Scalar($0) }))
                }
                warning = "not valid UTF-8: decoded as Latin-1"
            }
        }
    }

    private static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Splits byte-oriented text (UTF-8 or Latin-1) at "\n", "\r\n" and lone "\r".
    private static func splitLines(_ bytes: [UInt8], from start: Int, decode: (Range<Int>) -> String) -> [Line] {
        var lines: [Line] = []
        var lineStart = start
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(Line(number: lines.count + 1, text: decode(lineStart..<index), bytes: lineStart..<index))
                index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart < bytes.count || lines.isEmpty {
            lines.append(
                Line(number: lines.count + 1, text: decode(lineStart..<bytes.count), bytes: lineStart..<bytes.count))
        }
        return lines
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> ([Line], String?) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var offset = 2
        while offset + 1 < bytes.count {
            let pair = bigEndian ? (bytes[offset], bytes[offset + 1]) : (bytes[offset + 1], bytes[offset])
            units.append(UInt16(pair.0) << 8 | UInt16(pair.1))
            offset += 2
        }
        var lines: [Line] = []
        var lineStart = 0
        var index = 0
        var repaired = bytes.count % 2 != 0
        func emit(_ end: Int) {
            let slice = units[lineStart..<end]
            let text = String(decoding: slice, as: UTF16.self)
            repaired = repaired || (text.unicodeScalars.contains("\u{FFFD}") && !slice.contains(0xFFFD))
            lines.append(Line(number: lines.count + 1, text: text, bytes: (2 + 2 * lineStart)..<(2 + 2 * end)))
        }
        while index < units.count {
            let unit = units[index]
            if unit == 0x0A || unit == 0x0D {
                emit(index)
                index += (unit == 0x0D && index + 1 < units.count && units[index + 1] == 0x0A) ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart < units.count || lines.isEmpty { emit(units.count) }
        return (lines, repaired ? "malformed UTF-16: some characters replaced with U+FFFD" : nil)
    }
}
