import SemfindCore
import Testing

@testable import HTMLFormat

/// Parses `html` given as UTF-8 text.
func parse(_ html: String) throws -> ParsedDocument {
    try HTMLFormat().parse(Array(html.utf8))
}

@Test("claims HTML and XHTML by MIME type and extension")
func claimsHTML() {
    let format = HTMLFormat()
    #expect(format.name == "html")
    #expect(format.version == 3)
    #expect(format.mimeTypes == ["text/html", "application/xhtml+xml"])
    #expect(format.extensions == ["html", "htm", "xhtml"])
}

@Test("title and headings build each section's heading path; headings are not sections")
func headingPaths() throws {
    let document = try parse(
        """
        <html><head><title>  Guide
          to Things </title></head><body>
        <p>Intro.</p>
        <h1>Install</h1><p>Run make.</p>
        <h2>On <em>Linux</em></h2><p>Use apt.</p>
        <h3>Debian</h3><p>Deb.</p>
        <h2>On macOS</h2><p>Use brew.</p>
        <h1>Use</h1><p>Run it.</p>
        </body></html>
        """)
    #expect(document.title == "Guide to Things")
    #expect(document.sections.map(\.text) == ["Intro.", "Run make.", "Use apt.", "Deb.", "Use brew.", "Run it."])
    let title = "Guide to Things"
    #expect(
        document.sections.map(\.headingPath) == [
            [title], [title, "Install"], [title, "Install", "On Linux"], [title, "Install", "On Linux", "Debian"],
            [title, "Install", "On macOS"], [title, "Use"],
        ])
}

@Test("the first block under each heading opens it, so two headings of the same words stay two sections")
func repeatedHeadings() throws {
    let document = try parse("<p>Intro.</p><h3>Q.</h3><p>One.</p><p>Two.</p><h3>Q.</h3><p>Three.</p>")
    #expect(document.sections.map(\.text) == ["Intro.", "One.", "Two.", "Three."])
    #expect(document.sections.map(\.headingPath) == [[], ["Q."], ["Q."], ["Q."]])
    #expect(document.sections.map(\.opensHeading) == [false, true, false, true])
}

@Test("without a title, heading paths hold the headings alone")
func headingPathWithoutTitle() throws {
    let document = try parse("<h2>Setup</h2><p>Do this.</p>")
    #expect(document.title == nil)
    #expect(document.sections.map(\.headingPath) == [["Setup"]])
}

@Test("scripts, styles, navigation, templates, embedded content and hidden elements are dropped")
func droppedContent() throws {
    let document = try parse(
        """
        <html><head><title>T</title><style>body { color: red } /* secret-style */</style>
        <script>var a = "secret-head-script";</script><meta name="x" content="secret-meta"></head>
        <body>
        <nav><ul><li>secret-nav</li></ul></nav>
        <p>visible-1 <script>document.write("secret-script")</script>continues</p>
        <template><p>secret-template</p></template>
        <noscript><p>secret-noscript</p></noscript>
        <svg><text>secret-svg</text><title>secret-svg-title</title></svg>
        <iframe>secret-iframe</iframe>
        <p hidden>secret-hidden</p>
        <div aria-hidden="true"><p>secret-aria</p></div>
        <p style="color: red; display : none">secret-display</p>
        <p style="VISIBILITY:hidden">secret-visibility</p>
        <p aria-hidden="false">visible-2</p>
        </body></html>
        """)
    let text = document.sections.map(\.text).joined(separator: "\n")
    #expect(text == "visible-1 continues\nvisible-2")
    #expect(document.title == "T")
    #expect(!text.contains("secret"))
}

@Test("a page hidden as a whole until its scripts run is still read")
func hiddenBody() throws {
    let document = try parse("<html><body style=\"visibility: hidden\"><p>shown</p><p hidden>not</p></body></html>")
    #expect(document.sections.map(\.text) == ["shown"])
}

@Test("a <pre> is one code section with its line breaks and indentation")
func preformatted() throws {
    let document = try parse(
        """
        <p>Before</p>
        <pre><code>func main() {
            print("a  b")

            exit(0)
        }
        </code></pre>
        <p>After</p>
        """)
    #expect(document.sections.map(\.kind) == [.prose, .code, .prose])
    #expect(document.sections[1].text == "func main() {\n    print(\"a  b\")\n\n    exit(0)\n}")
}

@Test("entities are decoded and <br> breaks the line")
func entitiesAndLineBreaks() throws {
    let document = try parse("<p>Fish &amp; chips &lt;b&gt; caf&eacute; &#x263A;<br>second&nbsp;line</p>")
    #expect(document.sections.map(\.text) == ["Fish & chips <b> café ☺\nsecond line"])
}

@Test("white space collapses across inline elements, as a browser renders it")
func whitespaceCollapses() throws {
    let document = try parse("<p>  one\n   <b>two</b>\t<i>three</i>four  </p>")
    #expect(document.sections.map(\.text) == ["one two threefour"])
}

@Test("text around a nested block becomes sections of its own")
func divTextAroundBlocks() throws {
    let document = try parse("<div>intro <p>para</p> tail</div>")
    #expect(document.sections.map(\.text) == ["intro", "para", "tail"])
}

@Test("malformed markup still yields its text")
func malformedMarkup() throws {
    let document = try parse(
        """
        <div><p>First <b>unclosed
        <p>Second</div></div></span>
        <li>stray item
        <table><td>cell
        """)
    let text = document.sections.map(\.text).joined(separator: "\n")
    for expected in ["First unclosed", "Second", "stray item", "cell"] {
        #expect(text.contains(expected), "missing \(expected) in \(text)")
    }
}

@Test("text under a thousand unclosed <div>s is still read (libxml2 stops at depth 256 by default)")
func deepNesting() throws {
    let document = try parse(String(repeating: "<div>", count: 1000) + "deep text" + "<p>after")
    #expect(document.sections.map(\.text) == ["deep text", "after"])
    #expect(document.warnings.isEmpty)
}

@Test("a list is one list section, items marked and nested items indented")
func lists() throws {
    let document = try parse(
        """
        <ul><li>Alpha</li><li>Beta<ul><li>Beta one</li></ul></li></ul>
        <ol start="3"><li>Third</li><li><p>Fourth</p><p>more</p></li></ol>
        <dl><dt>Term</dt><dd>Meaning</dd></dl>
        """)
    #expect(document.sections.map(\.kind) == [.list, .list, .list])
    #expect(
        document.sections.map(\.text) == [
            "- Alpha\n- Beta\n  - Beta one", "3. Third\n4. Fourth\n  more", "Term\n  Meaning",
        ])
}

@Test("a data table is one table section: a line per row, cells joined by ' | '")
func tables() throws {
    let document = try parse(
        """
        <table><caption>Sizes</caption>
        <tr><th>Name</th><th>Size</th></tr>
        <tr><td>a</td><td>1 <b>KB</b><br>rounded</td></tr>
        </table>
        """)
    #expect(document.sections.map(\.kind) == [.table])
    #expect(document.sections.map(\.text) == ["Sizes\nName | Size\na | 1 KB rounded"])
}

@Test("a table that holds headings lays out a page and is read as blocks")
func layoutTable() throws {
    let document = try parse("<table><tr><td><h1>Title</h1><p>Body text</p></td><td>Side</td></tr></table>")
    #expect(document.sections.map(\.text) == ["Body text", "Side"])
    #expect(document.sections.map(\.kind) == [.prose, .prose])
    #expect(document.sections.first?.headingPath == ["Title"])
}

@Test("empty or blank input yields no sections and no warnings")
func emptyInput() throws {
    for bytes in [[], Array("  \n\t \r\n".utf8)] as [[UInt8]] {
        let document = try HTMLFormat().parse(bytes)
        #expect(document.sections.isEmpty)
        #expect(document.warnings.isEmpty)
        #expect(document.title == nil)
    }
}

@Test("binary garbage parses without crashing, spans inside the file")
func binaryGarbage() throws {
    let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }
    let document = try HTMLFormat().parse(bytes)
    for section in document.sections {
        #expect(section.span.bytes.lowerBound >= 0 && section.span.bytes.upperBound <= bytes.count)
    }
}
