import PPTXFormat
import SemfindCore
import TestSupport
import Testing

@Suite struct PPTXFormatTests {
    let pptx = PPTXFormat()

    /// Slides come in the presentation's order (not their file names'), each headed by its
    /// title placeholder, its text and tables under it, furniture left out, notes after.
    @Test func slidesInOrderWithTitles() throws {
        let table =
            "<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>Q1</a:t></a:r></a:p>"
            + "</a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>12%</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl>"
            + "</a:graphicData></a:graphic></p:graphicFrame>"
        let slides = [
            (
                "slide1.xml",
                SlideFixture.slide(
                    SlideFixture.shape(["Growth"], placeholder: "title") + SlideFixture.shape(["Up", "Still up"])
                        + table + SlideFixture.shape(["7"], placeholder: "sldNum"))
            ),
            ("slide2.xml", SlideFixture.slide(SlideFixture.shape(["Welcome"], placeholder: "ctrTitle"))),
            ("slide3.xml", SlideFixture.slide(SlideFixture.shape(["No title here"], placeholder: "body"))),
        ]
        let notes = SlideFixture.slide(
            SlideFixture.shape(["slide picture"], placeholder: "sldImg")
                + SlideFixture.shape(["Mention the churn."], placeholder: "body"))
        let document = try pptx.parse(
            SlideFixture.pptx(
                slides: slides, order: ["slide2.xml", "slide1.xml", "slide3.xml"], notes: notes))

        #expect(document.title == "Quarterly review")
        #expect(document.warnings.isEmpty)
        let sections = document.sections.map { [$0.text, $0.headingPath.joined(separator: " > "), $0.kind.rawValue] }
        #expect(
            sections == [
                ["Mention the churn.", "Quarterly review > Welcome > Notes", "prose"],
                ["Up\nStill up", "Quarterly review > Growth", "prose"],
                ["Q1 | 12%", "Quarterly review > Growth", "table"],
                ["No title here", "Quarterly review > Slide 3", "prose"],
            ])
        #expect(document.sections.map(\.span.firstLine) == [3, 5, 7, 9])
    }

    /// A slide the presentation lists but the archive lacks is a warning.
    @Test func missingSlideIsAWarning() throws {
        let slides = [("slide1.xml", SlideFixture.slide(SlideFixture.shape(["Only"], placeholder: "title")))]
        let document = try pptx.parse(SlideFixture.pptx(slides: slides, order: ["slide1.xml", "slide2.xml"]))
        #expect(document.warnings == ["slide 2 (ppt/slides/slide2.xml) is not in the archive"])
    }
}
