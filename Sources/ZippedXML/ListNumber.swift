/// How office documents write a list item's number: decimal, letters or roman numerals, as Word
/// and LibreOffice count them.
public enum ListNumber {
    public enum Style: Sendable, Equatable {
        case decimal, lowerLetter, upperLetter, lowerRoman, upperRoman
    }

    /// `number` (from 1) written in `style`. Past z, letters go on as Word's do (aa, bb, …) when
    /// `repeatingLetters`, else as a spreadsheet's columns (aa, ab, …: LibreOffice's default).
    public static func text(_ number: Int, style: Style, repeatingLetters: Bool = true) -> String {
        let number = max(number, 1)
        switch style {
        case .decimal: return String(number)
        case .lowerLetter: return letters(number, repeating: repeatingLetters)
        case .upperLetter: return letters(number, repeating: repeatingLetters).uppercased()
        case .lowerRoman: return roman(number)
        case .upperRoman: return roman(number).uppercased()
        }
    }

    static func letters(_ number: Int, repeating: Bool) -> String {
        func letter(_ index: Int) -> Character { Character(UnicodeScalar(UInt8(97 + index))) }
        if repeating { return String(repeating: letter((number - 1) % 26), count: (number - 1) / 26 + 1) }
        var rest = number
        var result: [Character] = []
        while rest > 0 {
            result.append(letter((rest - 1) % 26))
            rest = (rest - 1) / 26
        }
        return String(result.reversed())
    }

    static func roman(_ number: Int) -> String {
        let values = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
            (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = number
        var result = ""
        for (value, numeral) in values {
            while rest >= value {
                result += numeral
                rest -= value
            }
        }
        return result
    }
}
