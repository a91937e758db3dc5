/// Which encoding a file's bytes are read in, why, and what to tell the user about it: the one
/// decision every plugin makes the same way.
///
/// The order: a byte order mark; else the declared charset (HTML's `<meta charset>`, an XML
/// declaration), when it is known and the bytes are valid in it; else UTF-8 when the bytes are
/// valid UTF-8; else windows-1252, which decodes any byte, so no text is ever dropped. A
/// declared single-byte charset yields to UTF-8 when the bytes are valid UTF-8 with characters
/// beyond ASCII: legacy text almost never is, and a page saved as UTF-8 under an old
/// declaration is common.
public struct CharsetChoice: Sendable, Equatable {
    /// Why this encoding was chosen.
    public enum Reason: Sendable, Equatable {
        case byteOrderMark
        case declared
        case validUTF8
        /// Not valid UTF-8 and nothing usable declared: windows-1252, the web's legacy default.
        case fallback
    }

    public let encoding: TextEncoding
    public let reason: Reason
    /// Where the text starts: after the byte order mark, if there is one.
    public let textStart: Int
    /// One line for the user when the choice overrode a declaration or was a guess; nil when the
    /// bytes were what they claimed to be.
    public let warning: String?

    /// Chooses for `bytes`, given the charset label the document declares, if any.
    public init(_ bytes: [UInt8], declared label: String? = nil) {
        self = Self.chosen(for: bytes, declared: label).choice
    }

    /// The choice for `bytes`, and for a declared legacy charset the whole text as checking the
    /// bytes decoded it, so that `DecodedText` need not decode them again.
    static func chosen(for bytes: [UInt8], declared label: String?) -> (choice: CharsetChoice, legacyText: String?) {
        let declared = label.flatMap(TextEncoding.init(label:))
        if Self.byteOrderMark(bytes) == nil, case .legacy(let name)? = declared,
            let text = LegacyDecoder.decode(bytes[...], from: name)
        {
            return (CharsetChoice(.legacy(name), .declared, textStart: 0, warning: nil), text)
        }
        return (CharsetChoice(deciding: bytes, declared: label), nil)
    }

    /// The choice for bytes that are not in a declared legacy charset they are valid in.
    private init(deciding bytes: [UInt8], declared label: String?) {
        if let (encoding, length) = Self.byteOrderMark(bytes) {
            self.init(encoding, .byteOrderMark, textStart: length, warning: nil)
            return
        }
        let declared = label.flatMap(TextEncoding.init(label:))
        let isUTF8 = Self.isValidUTF8(bytes[...])
        let isASCII = !bytes.contains { $0 >= 0x80 }
        switch declared {
        case .utf8? where isUTF8, .windows1252? where !isUTF8 || isASCII:
            self.init(declared ?? .utf8, .declared, textStart: 0, warning: nil)
            return
        default: break
        }
        if isUTF8 {
            let overruled = label.map { "declared \($0) but the bytes are UTF-8: read as UTF-8" }
            self.init(.utf8, .validUTF8, textStart: 0, warning: isASCII ? nil : overruled)
        } else {
            let problem: String
            switch (label, declared) {
            case (nil, _): problem = "not valid UTF-8"
            case (let label?, nil): problem = "charset \(label) unknown, and not valid UTF-8"
            case (let label?, _): problem = "not valid \(label) (as declared) nor UTF-8"
            }
            self.init(.windows1252, .fallback, textStart: 0, warning: problem + ": decoded as windows-1252")
        }
    }

    private init(_ encoding: TextEncoding, _ reason: Reason, textStart: Int, warning: String?) {
        self.encoding = encoding
        self.reason = reason
        self.textStart = textStart
        self.warning = warning
    }

    /// The whole text after the byte order mark, decoded.
    public func decode(_ bytes: [UInt8]) -> String {
        decode(bytes[min(textStart, bytes.count)...])
    }

    /// A run of the text's bytes decoded (for UTF-16, a run of whole two-byte units). The choice
    /// checked the whole text, so only a run cut inside a character can come out repaired (UTF-8,
    /// UTF-16: U+FFFD; a legacy charset: read as windows-1252).
    public func decode(_ bytes: ArraySlice<UInt8>) -> String {
        switch encoding {
        case .utf8: String(decoding: bytes, as: UTF8.self)
        case .windows1252: Windows1252.decode(bytes)
        case .utf16LittleEndian, .utf16BigEndian:
            String(decoding: Self.units(bytes, bigEndian: encoding == .utf16BigEndian), as: UTF16.self)
        case .legacy(let name): LegacyDecoder.decode(bytes, from: name) ?? Windows1252.decode(bytes)
        }
    }

    /// The two-byte units of UTF-16 bytes; an odd last byte is dropped.
    static func units(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var offset = bytes.startIndex
        while offset + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[offset], bytes[offset + 1]) : (bytes[offset + 1], bytes[offset])
            units.append(UInt16(high) << 8 | UInt16(low))
            offset += 2
        }
        return units
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> (TextEncoding, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or cut sequences).
    public static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
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
}
