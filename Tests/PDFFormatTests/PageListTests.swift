import Testing

@testable import PDFFormat

@Test("page lists name runs of pages")
func pageListNamesRuns() {
    #expect(PageList([4]).description == "page 4")
    #expect(PageList([1, 2, 3, 7, 9, 10]).description == "pages 1–3, 7, 9–10")
}
