/// A text file's bytes decoded to lines, each line remembering its byte range in the
/// original file, whatever the encoding: the one `CharsetChoice` makes (a byte order mark, a
/// declared charset, UTF-8, else windows-1252, with a warning, never silent replacement
/// characters or dropped bytes).
public struct DecodedText: Sendable {
    /// One line without its terminator ("\n", "\r\n" or "\r").
    public struct Line: Sendable, Equatable {
        /// 1-based.
        public let number: Int
        public let text: String
        /// The line's bytes in the original file, terminator excluded.
        public let bytes: Range<Int>

        public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }

        /// A line as a container sees it: a plugin that strips a block quote's `>` keeps the
        /// line's number and original bytes.
        public init(number: Int, text: String, bytes: Range<Int>) {
            self.number = number
            self.text = text
            self.bytes = bytes
        }
    }

    public let lines: [Line]
    /// The encoding the bytes were read in, and why.
    public let charset: CharsetChoice
    /// Set when the bytes were not what they claimed to be (e.g. invalid UTF-8).
    public let warning: String?
    /// In a legacy charset, the whole text as choosing the charset decoded it (`wholeText`).
    let legacyText: String?

    /// Decodes `bytes`, honouring `declared` (a charset label the document names) when it fits.
    ///
    /// The bytes are decoded once: a legacy charset's whole text, decoded to check the bytes
    /// against it, is cut into the lines, unless its line ends do not pair with the bytes'
    /// (a charset whose line feed is not byte 0x0A); then each line is decoded on its own.
    public init(_ bytes: [UInt8], declared: String? = nil) {
        let (charset, legacyText) = CharsetChoice.chosen(for: bytes, declared: declared)
        self.charset = charset
        var warning = charset.warning
        var wholeLegacyText: String?
        switch charset.encoding {
        case .utf16LittleEndian, .utf16BigEndian:
            let decoded = Self.decodeUTF16(bytes, bigEndian: charset.encoding == .utf16BigEndian)
            lines = decoded.lines
            warning = warning ?? decoded.warning
        case .utf8, .windows1252, .legacy:
            if let legacyText, let paired = Self.pairLines(bytes, with: legacyText) {
                lines = paired
                wholeLegacyText = legacyText
            } else {
                lines = Self.splitLines(bytes, from: charset.textStart) { charset.decode(bytes[$0]) }
            }
        }
        self.warning = warning
        self.legacyText = wholeLegacyText
    }

    /// The lines of `bytes` with their texts cut from `text`, the bytes' whole decode; nil when
    /// the two do not have the same number of lines.
    private static func pairLines(_ bytes: [UInt8], with text: String) -> [Line]? {
        let texts = lineTexts(of: text)
        var next = 0
        let lines = splitLines(bytes, from: 0) { _ in
            defer { next += 1 }
            return next < texts.count ? texts[next] : ""
        }
        return lines.count == texts.count ? lines : nil
    }

    /// A decoded text cut at "\n", "\r\n" and lone "\r", as `splitLines` cuts bytes.
    private static func lineTexts(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                if scalar == "\r", pending == "\n" { pending = scalars.next() }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// Splits byte-oriented text (UTF-8 or windows-1252) at "\n", "\r\n" and lone "\r".
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

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> (lines: [Line], warning: String?) {
        let units = CharsetChoice.units(bytes[min(2, bytes.count)...], bigEndian: bigEndian)
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
