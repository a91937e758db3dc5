/// Finds cut points in a section's UTF-8 text: sentence ends, line ends, words, characters.
enum TextSplitter {
    static func string(_ text: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Ranges that each end after a sentence terminator (. ! ? followed by whitespace, or the
    /// ideographic 。！？) and the whitespace after it; the last range runs to the end.
    static func sentences(_ text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            var end: Int?
            let byte = text[index]
            if byte == UInt8(ascii: "."), index + 1 < text.count, isSpace(text[index + 1]) {
                end = index + 1
            } else if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
                index + 1 == text.count || isSpace(text[index + 1])
            {
                end = index + 1
            } else if byte == 0xE3 || byte == 0xEF, index + 2 < text.count, isIdeographicStop(text[index...(index + 2)])
            {
                end = index + 3
            }
            if var cut = end {
                while cut < text.count && isSpace(text[cut]) { cut += 1 }
                ranges.append(start..<cut)
                start = cut
                index = cut
            } else {
                index += 1
            }
        }
        if start < text.count { ranges.append(start..<text.count) }
        return ranges
    }

    private static func isIdeographicStop(_ bytes: ArraySlice<UInt8>) -> Bool {
        let value = Array(bytes)
        return value == [0xE3, 0x80, 0x82] || value == [0xEF, 0xBC, 0x81] || value == [0xEF, 0xBC, 0x9F]
    }

    /// One range per line, each including its "\n".
    static func lines(_ text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in text.enumerated() where byte == 0x0A {
            ranges.append(start..<(index + 1))
            start = index + 1
        }
        if start < text.count { ranges.append(start..<text.count) }
        return ranges
    }

    /// The whitespace-separated words inside `range`.
    static func words(_ text: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for index in range {
            if isSpace(text[index]) {
                if let wordStart = start { words.append(wordStart..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start { words.append(wordStart..<range.upperBound) }
        return words
    }

    /// `range` cut every `length` Unicode scalars.
    static func characterRuns(_ text: [UInt8], _ range: Range<Int>, length: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = range.lowerBound
        var scalars = 0
        for index in range where text[index] & 0xC0 != 0x80 {
            if scalars == length {
                runs.append(start..<index)
                start = index
                scalars = 0
            }
            scalars += 1
        }
        if start < range.upperBound { runs.append(start..<range.upperBound) }
        return runs
    }
}
