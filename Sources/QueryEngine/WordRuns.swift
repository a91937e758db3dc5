import SemfindCore

/// A text's words as keyword search and snippets see them: runs of letters and digits,
/// lowercased, with their UTF-8 byte ranges in the text. A run of Chinese or Japanese
/// characters (written without spaces between words) is its own run, marked spaceless: the
/// trigram index reads those instead of the word index.
enum WordRuns {
    struct Run {
        let word: String
        let bytes: Range<Int>
        let spaceless: Bool
    }

    static func of(_ text: String) -> [Run] {
        var runs: [Run] = []
        var current = ""
        var start = 0
        var offset = 0
        var currentIsSpaceless = false
        func finish() {
            if !current.isEmpty {
                runs.append(Run(word: current.lowercased(), bytes: start..<offset, spaceless: currentIsSpaceless))
            }
            current = ""
        }
        for character in text {
            let spaceless: Bool
            let wordy: Bool
            if let ascii = character.asciiValue {
                // The common case without Unicode property lookups: ASCII letters and digits.
                spaceless = false
                wordy = (0x30...0x39).contains(ascii) || (0x61...0x7A).contains(ascii | 0x20)
            } else {
                spaceless = SpacelessText.isSpaceless(character)
                wordy = spaceless || character.isLetter || character.isNumber
            }
            if !wordy || spaceless != currentIsSpaceless { finish() }
            if wordy {
                if current.isEmpty { start = offset }
                currentIsSpaceless = spaceless
                current.append(character)
            }
            offset += character.utf8.count
        }
        finish()
        return runs
    }
}
