import Foundation

/// Turns raw text into the words that WordPiece splits, the way Hugging Face's BertNormalizer
/// and BertPreTokenizer do: delete control characters, isolate CJK ideographs, strip accents
/// (NFD, then drop nonspacing marks), lower-case one character at a time, then split on
/// whitespace and punctuation.
public struct BertNormalizer: Sendable, Equatable {
    public var lowercase: Bool
    public var stripAccents: Bool
    public var splitChineseCharacters: Bool
    public var cleanText: Bool

    public init(
        lowercase: Bool = true, stripAccents: Bool? = nil, splitChineseCharacters: Bool = true, cleanText: Bool = true
    ) {
        self.lowercase = lowercase
        self.stripAccents = stripAccents ?? lowercase
        self.splitChineseCharacters = splitChineseCharacters
        self.cleanText = cleanText
    }

    /// The words of `text`, each an array of Unicode scalars, in order.
    public func words(_ text: Substring) -> [[Unicode.Scalar]] {
        let normalized = text.utf8.allSatisfy({ $0 < 0x80 }) ? normalizeASCII(text) : normalize(text)
        return Self.split(normalized)
    }

    /// ASCII needs no NFD and no tables: the same rules, specialised.
    private func normalizeASCII(_ text: Substring) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            var scalar = Unicode.Scalar(byte)
            if cleanText {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x20 {
                    scalar = " "
                } else if byte < 0x20 || byte == 0x7F {
                    continue
                }
            }
            if lowercase, byte >= 0x41, byte <= 0x5A { scalar = Unicode.Scalar(byte + 0x20) }
            out.append(scalar)
        }
        return out
    }

    private func normalize(_ text: Substring) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) {
                    cleaned.append(" ")
                    continue
                }
            }
            if splitChineseCharacters && Self.isChineseCharacter(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var scalars = String(cleaned).unicodeScalars[...]
        var decomposed: String.UnicodeScalarView
        if stripAccents {
            decomposed = String.UnicodeScalarView()
            let nfd = String(scalars).decomposedStringWithCanonicalMapping
            decomposed.append(
                contentsOf: nfd.unicodeScalars.lazy.filter { $0.properties.generalCategory != .nonspacingMark })
            scalars = decomposed[...]
        }
        guard lowercase else { return Array(scalars) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                out.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// Splits on whitespace (dropped) and punctuation (kept, each mark a word of its own).
    static func split(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if isWhitespace(scalar) {
                if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) }
            } else if isPunctuation(scalar) {
                if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) }
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Tab, newline and carriage return count as whitespace here, as does every White_Space scalar.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Every "other" scalar (Cc, Cf, Cs, Co, Cn) except tab, newline and carriage return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned: return true
            default: return false
            }
        }
    }

    /// ASCII symbols and punctuation, and every Unicode punctuation (P*) scalar.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value)
            || (0x7B...0x7E).contains(value)
        {
            return true
        }
        if value < 0x80 { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK Unified Ideographs blocks and their extensions and compatibility forms.
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
