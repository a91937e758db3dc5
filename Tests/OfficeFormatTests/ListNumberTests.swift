import Testing
import ZippedXML

/// List numbers as Word and LibreOffice write them.
@Suite struct ListNumberTests {
    @Test func lettersPastZ() {
        let numbers = [1, 26, 27, 28, 52, 53]
        #expect(numbers.map { ListNumber.text($0, style: .lowerLetter) } == ["a", "z", "aa", "bb", "zz", "aaa"])
        #expect(
            numbers.map { ListNumber.text($0, style: .upperLetter, repeatingLetters: false) }
                == ["A", "Z", "AA", "AB", "AZ", "BA"])
    }

    @Test func romanNumerals() {
        #expect(
            [4, 9, 14, 40, 1994].map { ListNumber.text($0, style: .lowerRoman) } == [
                "iv", "ix", "xiv", "xl", "mcmxciv",
            ])
        #expect(ListNumber.text(3, style: .upperRoman) == "III" && ListNumber.text(12, style: .decimal) == "12")
    }
}
