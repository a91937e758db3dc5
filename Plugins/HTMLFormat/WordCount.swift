/// Words in page text: runs of letters, digits and underscores, as regular expressions' `\w` has
/// them. Used to tell a block of links from prose and a permalink sign from a link's words.
enum WordCount {
    /// How many words `text` (UTF-8) holds.
    static func count(in text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            let isWordCharacter = scalar.isWordCharacter
            if isWordCharacter && !inWord {
                count += 1
            }
            inWord = isWordCharacter
        }
        return count
    }
}

extension Unicode.Scalar {
    /// A letter, a digit or an underscore.
    var isWordCharacter: Bool {
        value == 0x5F || properties.isAlphabetic || properties.numericType != nil
    }
}
