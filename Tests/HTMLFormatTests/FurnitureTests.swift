import SemfindCore
import Testing

@testable import HTMLFormat

/// The sections' texts joined by line feeds.
private func text(of html: String) throws -> String {
    try parse(html).sections.map(\.text).joined(separator: "\n")
}

@Test(
    "navigation, search, banner and content-info landmarks are dropped, whatever element carries the role",
    arguments: ["navigation", "search", "banner", "contentinfo", "navigation menubar"])
func landmarkRolesDropped(role: String) throws {
    let html = "<p>before</p><div role=\"\(role)\"><p>landmark-text</p><ul><li>item</li></ul></div><p>after</p>"
    #expect(try text(of: html) == "before\nafter")
}

@Test("a note or complementary landmark is content and is kept")
func otherRolesKept() throws {
    let html = "<div role=\"note\"><p>a note</p></div><div role=\"complementary\"><p>an aside</p></div>"
    #expect(try text(of: html) == "a note\nan aside")
}

@Test("the page's own header and footer are dropped; an article's are kept")
func pageHeaderAndFooterDropped() throws {
    let html = """
        <body><header><p>Site name</p></header>
        <article><header><p>Posted today</p></header><p>Body.</p><footer><p>Filed under bread.</p></footer></article>
        <footer><p>Copyright 2024</p></footer></body>
        """
    #expect(try text(of: html) == "Posted today\nBody.\nFiled under bread.")
}

@Test("permalink signs are left out of heading paths and of definitions")
func permalinksStripped() throws {
    let document = try parse(
        """
        <title>Mod</title><h1>Install<a class="headerlink" href="#install" title="Permalink">¶</a></h1>
        <p>Run <a href="#setup">setup</a> first.</p>
        <h2>On Linux <a href="#linux" aria-label="Anchor">#</a></h2>
        <dl><dt>open(name)<a href="#open">¶</a></dt><dd>Opens a file.<a href="#fn1">1</a></dd></dl>
        """)
    #expect(document.sections.map(\.headingPath) == [["Mod", "Install"], ["Mod", "Install", "On Linux"]])
    #expect(document.sections.map(\.text) == ["Run setup first.", "open(name)\n  Opens a file.1"])
}

@Test("when the page marks its main content, only that is read")
func mainPreferred() throws {
    for main in ["<main>", "<div class=\"body\" role=\"main\">"] {
        let close = main.hasPrefix("<main") ? "</main>" : "</div>"
        let document = try parse(
            """
            <title>T</title><div class="top"><h3>Navigation</h3><p>Site menu text</p></div>
            \(main)<h1>Topic</h1><p>The content.</p>\(close)
            <div class="sidebar"><h4>Next topic</h4><p>Another page</p></div>
            <div class="footer">Last updated today.</div>
            """)
        #expect(document.sections.map(\.text) == ["The content."])
        #expect(document.sections.map(\.headingPath) == [["T", "Topic"]])
    }
}

@Test("a main element that is hidden or empty does not hide the rest of the page")
func hiddenOrEmptyMainIgnored() throws {
    #expect(try text(of: "<main hidden><p>old</p></main><div><p>page text</p></div>") == "page text")
    #expect(try text(of: "<div role=\"main\"> </div><p>page text</p>") == "page text")
}

@Test("a sidebar's headings start from the title, not under the last section of the content")
func sidebarHeadingsSeparate() throws {
    let document = try parse(
        """
        <title>Blog</title><body>
        <h1>Post</h1><h2>Baking</h2><p>Bake it.</p>
        <aside><h3>About me</h3><p>I bake.</p></aside>
        <div role="complementary"><h4>Elsewhere</h4><p>Other text.</p></div>
        <p>Cool it.</p>
        """)
    #expect(
        document.sections.map(\.headingPath) == [
            ["Blog", "Post", "Baking"], ["Blog", "About me"], ["Blog", "Elsewhere"], ["Blog", "Post", "Baking"],
        ])
}

@Test("text after a section ends is not under that section's headings")
func sectionHeadingsEndWithSection() throws {
    let document = try parse(
        "<h1>Guide</h1><section><h2>Part</h2><p>inside</p></section><p>after the part</p>")
    #expect(document.sections.map(\.headingPath) == [["Guide", "Part"], ["Guide"]])
}

@Test("a 'previous | next' bar and a list of links are dropped on a page without main content")
func linkBlocksDropped() throws {
    let html = """
        <p><a href="a.html">&laquo; previous</a> | <a href="c.html">next &raquo;</a></p>
        <ul><li><a href="/">Home</a></li><li><a href="/docs/">Docs</a></li></ul>
        <p>Real text.</p>
        """
    #expect(try text(of: html) == "Real text.")
}

@Test("links inside prose are kept, even several in a short paragraph")
func contentLinksKept() throws {
    let html = """
        <p>Read <a href="intro.html">the introduction</a> and <a href="faq.html">the FAQ</a> first.</p>
        <ul><li><a href="a.html">tar</a>: archives</li><li><a href="b.html">zip</a>: compressed archives</li></ul>
        <p>See <a href="x.html">one link</a></p>
        """
    #expect(
        try text(of: html)
            == "Read the introduction and the FAQ first.\n- tar: archives\n- zip: compressed archives\nSee one link")
}

@Test("inside the main content, a list of links is content and is kept")
func linkListInsideMainKept() throws {
    let html =
        "<main><p>Contents:</p><ul><li><a href=\"a.html\">Alpha</a></li><li><a href=\"b.html\">Beta</a></li></ul></main>"
    #expect(try text(of: html) == "Contents:\n- Alpha\n- Beta")
}
