import SemfindCore
import Testing

@testable import MarkdownFormat

@Suite("Markdown headings and front matter")
struct HeadingTests {
    @Test("ATX headings nest by level; a heading is a path, not a section")
    func atxHierarchy() {
        let markdown = """
            # Guide

            Intro text.

            ## Install ##

            Run the installer.

            ### On Linux

            Use apt.

            ## Usage

            Run it.
            """
        let document = parse(markdown)
        #expect(document.sections.map(\.text) == ["Intro text.", "Run the installer.", "Use apt.", "Run it."])
        #expect(
            document.sections.map(\.headingPath) == [
                ["Guide"], ["Guide", "Install"], ["Guide", "Install", "On Linux"], ["Guide", "Usage"],
            ])
        #expect(document.sections.map(\.kind) == [.prose, .prose, .prose, .prose])
        #expect(document.sections.map(\.span.firstLine) == [3, 7, 11, 15])
        #expect(document.title == nil)
    }

    @Test("the first block under each heading opens it, so two headings of the same words stay two sections")
    func repeatedHeadings() {
        let document = parse("Intro.\n\n## Example\n\nOne.\n\nTwo.\n\n## Example\n\nThree.\n")
        #expect(document.sections.map(\.text) == ["Intro.", "One.", "Two.", "Three."])
        #expect(document.sections.map(\.opensHeading) == [false, true, false, true])
    }

    @Test("a skipped level closes deeper headings; inline markup leaves heading text")
    func skippedLevels() {
        let markdown = "# A\n### C *deep*\n\ntext c\n\n## B `code`\n\ntext b\n\n#hashtag is prose\n"
        let document = parse(markdown)
        #expect(document.sections.map(\.headingPath) == [["A", "C deep"], ["A", "B code"], ["A", "B code"]])
        #expect(document.sections.last?.text == "#hashtag is prose")
    }

    @Test("setext headings: === is level 1, --- level 2, and a multi-line paragraph can be one")
    func setextHeadings() {
        let markdown = """
            Main Title
            ==========

            First part.

            Second
            part
            ---

            Body of second.

            ### Deeper

            Deep text.

            Other Top
            ===

            Last.
            """
        let document = parse(markdown)
        #expect(document.sections.map(\.text) == ["First part.", "Body of second.", "Deep text.", "Last."])
        #expect(
            document.sections.map(\.headingPath) == [
                ["Main Title"], ["Main Title", "Second part"], ["Main Title", "Second part", "Deeper"],
                ["Other Top"],
            ])
        #expect(document.sections[1].span.firstLine == 10)
    }

    @Test("front matter's title heads every path; its keys are not text")
    func frontMatterTitle() throws {
        let markdown = """
            ---
            title: "Rotating \\"the\\" logs" # quoted
            tags: [ops, logs]
            ---
            Preface.

            # Setup

            Edit the config.
            """
        let document = parse(markdown)
        #expect(document.title == "Rotating \"the\" logs")
        #expect(document.sections.map(\.text) == ["ops, logs", "Preface.", "Edit the config."])
        #expect(
            document.sections.map(\.headingPath) == [
                ["Rotating \"the\" logs"], ["Rotating \"the\" logs"], ["Rotating \"the\" logs", "Setup"],
            ])
        #expect(document.sections[0].span.firstLine == 1 && document.sections[0].span.lastLine == 4)
        let preface = document.sections[1]
        #expect(preface.span.firstLine == 5 && preface.span.lastLine == 5)
        #expect(source(of: preface, in: markdown) == "Preface.")
    }

    @Test("front matter titles: plain with a comment, single-quoted, folded block scalar, absent")
    func frontMatterTitleForms() {
        #expect(parse("---\ntitle: Plain words # a comment\n---\ntext\n").title == "Plain words")
        #expect(parse("---\nTitle: 'It''s quoted'\n---\ntext\n").title == "It's quoted")
        #expect(parse("---\ntitle: >-\n  Folded\n  over lines\nauthor: me\n---\ntext\n").title == "Folded over lines")
        let untitled = parse("---\nauthor: me\n---\n# Head\n\ntext\n")
        #expect(untitled.title == nil)
        #expect(untitled.sections.map(\.headingPath) == [["Head"]])
    }

    @Test("front matter's description and keywords (or summary and tags) open the document, in any list form")
    func frontMatterAbout() {
        let described = parse(
            "---\ntitle: top\ndescription: \"The top command\"\nkeywords: \"container, running, processes\"\n---\n# top\n\nUsage.\n"
        )
        #expect(described.sections.map(\.text) == ["The top command. container, running, processes", "Usage."])
        #expect(described.sections[0].headingPath == ["top"])
        #expect(
            parse("---\nsummary: Short\ntags:\n  - self-hosted\n  - ops\n---\ntext\n").sections[0].text
                == "Short. self-hosted, ops")
        #expect(parse("---\ntags: ['a b', \"c\"]\n---\ntext\n").sections[0].text == "a b, c")
        #expect(parse("---\nauthor: me\n---\ntext\n").sections.map(\.text) == ["text"])
    }

    @Test("--- without a closing line, or followed by a blank line, is not front matter")
    func notFrontMatter() {
        let unclosed = parse("---\ntitle: Nope\n\nSome text.\n")
        #expect(unclosed.title == nil)
        #expect(unclosed.sections.map(\.text) == ["title: Nope", "Some text."])
        let thematicBreak = parse("---\n\ntitle: Nope\n---\n")
        #expect(thematicBreak.title == nil)
        // "title: Nope" underlined by --- is a setext heading with no body: a section of its own.
        #expect(thematicBreak.sections.map(\.text) == ["title: Nope"])
        #expect(thematicBreak.sections.map(\.headingPath) == [[]])
    }
}
