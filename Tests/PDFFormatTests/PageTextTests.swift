import Testing

@testable import PDFFormat

@Suite("Page text")
struct PageTextLayoutTests {
    /// Boxes for `text`'s characters, 6 points wide and 10 high, each line 12 points lower;
    /// a character listed in `gapsBefore` starts 20 points after its predecessor instead.
    func boxes(_ text: String, gapsBefore: Set<Int> = []) -> [GlyphBox] {
        var x = 0.0
        var y = 0.0
        var boxes: [GlyphBox] = []
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if gapsBefore.contains(index) { x += 20 }
            boxes.append(GlyphBox(left: x, top: y, right: x + 6, bottom: y + 10))
            x += 6
            if scalar == "\n" { (x, y) = (0, y + 12) }
        }
        return boxes
    }

    @Test("a space goes only between characters that stand apart, never inside a run")
    func gaps() {
        let text = "%apermission\nword word"
        let page = PageText(text, boxes: boxes(text, gapsBefore: [2]))
        #expect(page.lines == ["%a permission", "word word"])
        #expect(page.lineTops == [0, 12])
    }

    @Test("without a layout that matches the text, the text is kept as poppler gave it")
    func noLayout() {
        let page = PageText("ab  \n\ncd", boxes: [GlyphBox(left: 0, top: 0, right: 1, bottom: 1)])
        #expect(page.lines == ["ab", "", "cd"])
        #expect(page.lineTops == nil)
        #expect(!page.isBlank && PageText(" \n ", boxes: nil).isBlank)
    }

    @Test("a word hyphenated at a line's end is made whole on that line; lines keep their count")
    func hyphenation() {
        let text = "the includ-\ning words, a well-\nknown case\nPre-\nFix stays, 1-\n2 stays\nend-\nlast"
        let page = PageText(text, boxes: nil)
        #expect(
            page.lines == [
                "the including", "words, a wellknown", "case", "Pre-", "Fix stays, 1-", "2 stays", "endlast", "",
            ])
    }
}
