import SemfindCore
import Testing

@testable import MarkdownFormat

/// What a reader sees is what is stored: no markup leaks into the text, no visible word is lost.
@Suite("Markdown text fidelity")
struct FidelityTests {
    @Test("an HTML comment is no heading and leaves no text, even across blank lines and past '>'")
    func comments() {
        let document = parse("<!-- # Old heading -->\n\n# Real\n\nbody\n\n<!-- a > b\n\n# hidden\n-->\nshown\n")
        #expect(document.sections.map(\.text) == ["body", "shown"])
        #expect(document.sections.map(\.headingPath) == [["Real"], ["Real"]])
    }

    @Test("processing instructions, CDATA and declarations are not text, as blocks or inline")
    func hiddenMarkup() {
        let markdown =
            "<?php\n\necho '>';\n?>\n\n<![CDATA[\nx < y\n\n]]>\n<!DOCTYPE html>\n\na <?pi x?> b <![CDATA[c]]> d\n"
        #expect(parse(markdown).sections.map(\.text) == ["a  b  d"])
    }

    @Test("named and numeric character references are decoded; unknown names stay as written")
    func entities() {
        let text = parse("&copy; 2024 &mdash; caf&eacute; &euro;5 &AElig;&szlig; &#x263A; &#0; &bogus; AT&T\n")
        #expect(text.sections.map(\.text) == ["© 2024 — café €5 Æß ☺ \u{FFFD} &bogus; AT&T"])
    }

    @Test("emphasis inside a word loses its markers; snake_case and a lone '*' stay")
    func intrawordEmphasis() {
        #expect(parse("foo*bar* and **un**believable\n").sections.map(\.text) == ["foobar and unbelievable"])
        #expect(parse("snake_case_name and a*b\n").sections.map(\.text) == ["snake_case_name and a*b"])
    }

    @Test("a link reference definition spread over lines is not text")
    func multilineDefinitions() {
        let markdown = "[foo]:\n  /url\n  'the\n  title'\n[bar]: /b\n  \"t\"\n\nSee [foo][] and [the bar][bar].\n"
        #expect(parse(markdown).sections.map(\.text) == ["See foo and the bar."])
    }

    @Test("headings inside block quotes and list items are headings")
    func nestedHeadings() {
        let quoted = parse("> # Quoted heading\n> quoted body\n\nafter\n")
        #expect(quoted.sections.map(\.text) == ["quoted body", "after"])
        #expect(quoted.sections.map(\.headingPath) == [["Quoted heading"], ["Quoted heading"]])
        let listed = parse("- # Item heading\n- item one\n- item two\n")
        #expect(listed.sections.map(\.text) == ["- item one\n- item two"])
        #expect(listed.sections.map(\.headingPath) == [["Item heading"]])
    }

    @Test("a heading with no body is stored as a section of its own, under the headings above it")
    func bodilessHeadings() {
        let document = parse("# Guide\n## Installation\n# Usage\n\nRun it.\n\n## Flags\n")
        #expect(document.sections.map(\.text) == ["Installation", "Run it.", "Flags"])
        #expect(document.sections.map(\.headingPath) == [["Guide"], ["Usage"], ["Usage"]])
        #expect(document.sections.map(\.span.firstLine) == [2, 5, 7])
        #expect(parse("# Only a title\n").sections.map(\.text) == ["Only a title"])
    }

    @Test("an HTML <h1>–<h6> block in markdown is a heading")
    func htmlHeadings() {
        let document = parse(
            "<h1 align=\"center\">\n  My <b>Project</b>\n</h1>\n\nIntro.\n\n<h2>Setup</h2>\n\nSteps.\n")
        #expect(document.sections.map(\.text) == ["Intro.", "Steps."])
        #expect(document.sections.map(\.headingPath) == [["My Project"], ["My Project", "Setup"]])
    }

    @Test("brackets and angle brackets that are not links or tags are text a reader sees")
    func notMarkup() {
        #expect(parse("[link](/my uri)\n").sections.map(\.text) == ["[link](/my uri)"])
        #expect(parse("[outer [inner](/a)](/b)\n").sections.map(\.text) == ["[outer inner](/b)"])
        #expect(
            parse("x <a h#ref=\"hi\"> y </a href=\"z\">\n").sections.map(\.text) == [
                "x <a h#ref=\"hi\"> y </a href=\"z\">"
            ])
        #expect(parse("x <a href=\"hi\" title='t'> y\n").sections.map(\.text) == ["x  y"])
    }
}
