/// Text in scripts written without spaces between words (Chinese, Japanese). Keyword search
/// finds such text by its three-character windows, not by words: the query side reads the
/// spaceless runs of a query, the index keeps the spaceless runs of each chunk, and both take
/// them from here so that they agree.
public enum SpacelessText {
    /// Han, Hiragana, Katakana and their punctuation-free extensions.
    public static func isSpaceless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Whether a character is part of a spaceless run: any of its scalars is spaceless.
    public static func isSpaceless(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: isSpaceless)
    }

    /// The text's spaceless runs, each whole, joined by a space; nil when it has none. A space
    /// never occurs in a query's window, so no window spans two runs.
    public static func runs(of text: String) -> String? {
        // The first scalar that can be spaceless (U+3040) takes three UTF-8 bytes led by 0xE3;
        // text without such lead bytes (all of ASCII and Latin) is passed by one byte scan.
        guard text.utf8.contains(where: { $0 >= 0xE3 }) else { return nil }
        var runs: [Substring] = []
        var start: String.Index?
        for index in text.indices {
            let spaceless = isSpaceless(text[index])
            if spaceless, start == nil { start = index }
            if !spaceless, let first = start {
                runs.append(text[first..<index])
                start = nil
            }
        }
        if let first = start { runs.append(text[first...]) }
        return runs.isEmpty ? nil : runs.joined(separator: " ")
    }
}
