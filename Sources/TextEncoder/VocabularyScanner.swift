/// Reads the `"vocab": {…}` object of a `tokenizer.json` straight from its bytes.
///
/// The vocabulary is 30,000 string-to-integer pairs, nearly all of the file; a general JSON
/// parser spends more time building objects for it than the rest of a query takes. This scanner
/// finds the object, indexes its pairs into a `Vocabulary` (keys without escapes stay where they
/// are in the file's bytes, no String made), and returns the file with the object emptied, for an
/// ordinary parser to read the settings from.
enum VocabularyScanner {
    struct Result {
        let vocabulary: Vocabulary
        /// The file with the vocabulary object replaced by `{}`.
        let remainder: [UInt8]
    }

    /// Nil when the file has no `"vocab"` object of string keys and integer values.
    static func scan(_ bytes: [UInt8]) -> Result? {
        var builder = Vocabulary.Builder(bytes: bytes, capacity: 32_768)
        let object = bytes.withUnsafeBufferPointer { scanObject($0, into: &builder) }
        guard let object else { return nil }
        let remainder = Array(bytes[..<object.lowerBound]) + Array("{}".utf8) + Array(bytes[object.upperBound...])
        return Result(vocabulary: builder.build(), remainder: remainder)
    }

    /// Adds the pairs of the vocabulary object to `builder`; returns the object's byte range.
    private static func scanObject(_ bytes: UnsafeBufferPointer<UInt8>, into builder: inout Vocabulary.Builder)
        -> Range<Int>?
    {
        guard let key = find(Array("\"vocab\"".utf8), in: bytes) else { return nil }
        var position = key + 7
        skipSpace(bytes, &position)
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        skipSpace(bytes, &position)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return nil }
        let objectStart = position
        position += 1
        while true {
            skipSpace(bytes, &position)
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "}") { break }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard let token = readKey(bytes, &position) else { return nil }
            skipSpace(bytes, &position)
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipSpace(bytes, &position)
            guard let id = integer(bytes, &position) else { return nil }
            switch token {
            case .plain(let range): builder.add(range, id: id)
            case .decoded(let text): builder.add(text, id: id)
            }
        }
        return objectStart..<(position + 1)
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var start = 0
        while start <= bytes.count - needle.count {
            if needle.indices.allSatisfy({ bytes[start + $0] == needle[$0] }) { return start }
            start += 1
        }
        return nil
    }

    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Int32? {
        var value: Int64 = 0
        let start = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]), position - start < 10 {
            value = value * 10 + Int64(bytes[position] - 0x30)
            position += 1
        }
        return position > start && value <= Int64(Int32.max) ? Int32(value) : nil
    }

    /// A key as the file has it: the bytes between its quotes, or its text when it has escapes.
    private enum Key {
        case plain(Range<Int>)
        case decoded(String)
    }

    /// The JSON string starting at `position` (its opening quote).
    private static func readKey(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Key? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        var end = position + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { position = end + 1 }
            return .plain((position + 1)..<end)
        }
        return escapedString(bytes, &position).map(Key.decoded)
    }

    /// A JSON string with escapes starting at `position` (its opening quote), decoded.
    private static func escapedString(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> String? {
        position += 1
        var scalars = String.UnicodeScalarView()
        var plainStart = position
        func flushPlain(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[plainStart..<end], as: UTF8.self).unicodeScalars)
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flushPlain(position)
                position += 1
                return String(scalars)
            }
            guard byte == UInt8(ascii: "\\") else {
                position += 1
                continue
            }
            flushPlain(position)
            guard position + 1 < bytes.count else { return nil }
            let escape = bytes[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard var unit = hex(bytes, &position) else { return nil }
                if (0xD800..<0xDC00).contains(unit), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    guard let low = hex(bytes, &position), (0xDC00..<0xE000).contains(low) else { return nil }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            default: return nil
            }
            plainStart = position
        }
        return nil
    }

    private static func hex(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> UInt32? {
        guard position + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { return nil }
        position += 4
        return value
    }
}
