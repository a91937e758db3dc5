import Testing

@testable import FileWalk

@Suite("gitignore patterns and rule precedence")
struct IgnoreRulesTests {
    /// Whether the single pattern `line`, from an ignore file in `base`, matches `path`.
    func matches(_ line: String, _ path: String, directory: Bool = false, base: String = "") -> Bool {
        IgnorePattern(line: line, base: base)?.matches(Array(path.unicodeScalars), isDirectory: directory) ?? false
    }

    @Test("blank lines and comments are not patterns; \\# and \\! escape")
    func commentsAndEscapes() {
        #expect(IgnorePattern(line: "", base: "") == nil)
        #expect(IgnorePattern(line: "   ", base: "") == nil)
        #expect(IgnorePattern(line: "# note", base: "") == nil)
        #expect(IgnorePattern(line: "!", base: "") == nil)
        #expect(IgnorePattern(line: "/", base: "") == nil)
        #expect(matches("\\#file", "#file"))
        #expect(matches("\\!file", "!file"))
        #expect(IgnorePattern(line: "\\!file", base: "")?.isNegated == false)
        #expect(IgnorePattern(line: "!file", base: "")?.isNegated == true)
        #expect(matches("\\*", "*") && !matches("\\*", "x"))
    }

    @Test("trailing spaces are trimmed unless escaped; CR of CRLF is dropped")
    func trailingSpaces() {
        #expect(matches("foo   ", "foo"))
        #expect(!matches("foo   ", "foo "))
        #expect(matches("foo\\ ", "foo ") && !matches("foo\\ ", "foo"))
        #expect(matches("foo\\\\ ", "foo\\"))
        #expect(matches("foo\r", "foo"))
    }

    @Test("without an inner /, a pattern matches the name at any depth; with one, it is anchored")
    func anchoring() {
        #expect(matches("foo", "foo") && matches("foo", "a/b/foo"))
        #expect(matches("/foo", "foo") && !matches("/foo", "a/foo"))
        #expect(matches("a/b", "a/b") && !matches("a/b", "x/a/b"))
        #expect(matches("doc/*.txt", "doc/x.txt") && !matches("doc/*.txt", "doc/sub/x.txt"))
    }

    @Test("patterns apply below the folder of their ignore file only")
    func base() {
        #expect(matches("x.txt", "sub/x.txt", base: "sub") && matches("x.txt", "sub/d/x.txt", base: "sub"))
        #expect(!matches("x.txt", "x.txt", base: "sub") && !matches("x.txt", "subway/x.txt", base: "sub"))
        #expect(matches("/x.txt", "sub/x.txt", base: "sub") && !matches("/x.txt", "sub/d/x.txt", base: "sub"))
    }

    @Test("a trailing / matches folders only")
    func directoryOnly() {
        #expect(matches("build/", "build", directory: true) && matches("build/", "a/build", directory: true))
        #expect(!matches("build/", "build", directory: false))
        #expect(matches("a/build/", "a/build", directory: true) && !matches("a/build/", "x/a/build", directory: true))
    }

    @Test("* and ? never cross /")
    func singleStar() {
        #expect(matches("*.txt", "a.txt") && matches("*.txt", "d/a.txt") && matches("*.txt", ".txt"))
        #expect(matches("a/*", "a/b") && !matches("a/*", "a/b/c"))
        #expect(matches("a?c", "abc") && !matches("a?c", "ac") && !matches("a/?", "a/"))
        #expect(!matches("a?c", "a/c", directory: false) && !matches("x/a*c", "x/a/c"))
        #expect(matches("a**b", "axxb") && !matches("x/a**b", "x/ax/b"))
    }

    @Test("**/, /** and /**/ span folders")
    func doubleStar() {
        #expect(matches("**/foo", "foo") && matches("**/foo", "a/b/foo"))
        #expect(matches("**/a/b", "a/b") && matches("**/a/b", "x/y/a/b") && !matches("**/a/b", "a/x/b"))
        #expect(matches("a/**", "a/x") && matches("a/**", "a/x/y") && !matches("a/**", "a"))
        #expect(matches("a/**/b", "a/b") && matches("a/**/b", "a/x/b") && matches("a/**/b", "a/x/y/b"))
        #expect(!matches("a/**/b", "ab") && !matches("a/**/b", "a/xb"))
        #expect(matches("**", "any/thing") && matches("/**", "any/thing"))
    }

    @Test("character classes: ranges, negation, ], POSIX names; never /")
    func classes() {
        #expect(matches("[a-c]at", "bat") && !matches("[a-c]at", "dat"))
        #expect(matches("[!a]x", "bx") && !matches("[!a]x", "ax") && matches("[^a]x", "bx"))
        #expect(matches("[]]", "]") && matches("[!]]", "a") && !matches("[!]]", "]"))
        #expect(matches("[[:digit:]]*", "9lives") && !matches("[[:digit:]]*", "lives"))
        #expect(matches("[[:upper:][:digit:]]", "Q") && !matches("[[:upper:][:digit:]]", "q"))
        #expect(matches("[abc", "[abc") && !matches("[abc", "a"))
        #expect(!matches("a[/]b", "a/b") && !matches("a[!x]b", "a/b"))
        #expect(matches("[\\]]", "]") && matches("[a\\-z]", "-") && !matches("[a\\-z]", "b"))
    }

    @Test("many stars against a long name fail fast rather than backtrack forever")
    func manyStars() {
        let long = String(repeating: "a", count: 200)
        #expect(!matches("*a*a*a*a*a*a*a*a*a*a*b", long))
        #expect(matches("*a*a*a*a*a*a*a*a*a*a*", long))
    }

    @Test("the last matching pattern decides; later files and deeper folders come later")
    func precedence() {
        let rules = IgnoreRules()
            .adding(contentsOf: "*.log\n!keep.log\n", base: "")
            .adding(contentsOf: "keep.log\n", base: "")
            .adding(contentsOf: "!*.log\n", base: "sub")
        #expect(rules.isIgnored("debug.log", isDirectory: false))
        #expect(rules.isIgnored("keep.log", isDirectory: false))
        #expect(!rules.isIgnored("sub/debug.log", isDirectory: false))
        #expect(!rules.isIgnored("notes.txt", isDirectory: false))
        #expect(
            !IgnoreRules().adding(contentsOf: "*.log\r\n!keep.log\r\n", base: "").isIgnored(
                "keep.log", isDirectory: false))
    }

    @Test("defaults leave out node_modules and __pycache__ folders, not files of those names")
    func defaults() {
        #expect(IgnoreRules.defaults.isIgnored("node_modules", isDirectory: true))
        #expect(IgnoreRules.defaults.isIgnored("a/b/__pycache__", isDirectory: true))
        #expect(!IgnoreRules.defaults.isIgnored("node_modules", isDirectory: false))
        #expect(
            !IgnoreRules.defaults.adding(contentsOf: "!node_modules/", base: "").isIgnored(
                "node_modules", isDirectory: true))
    }
}
