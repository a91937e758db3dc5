import Testing

@testable import QueryEngine

@Suite struct SearchFilterTests {
    @Test("folders, globs and formats restrict; an empty filter accepts everything")
    func accepts() {
        let path = "/home/u/notes/work/plan.md"
        #expect(SearchFilter().accepts(path: path, plugin: "markdown"))
        #expect(SearchFilter(folders: ["/home/u/notes/"]).accepts(path: path, plugin: "markdown"))
        #expect(!SearchFilter(folders: ["/home/u/note"]).accepts(path: path, plugin: "markdown"))
        #expect(SearchFilter(globs: ["*.md"]).accepts(path: path, plugin: "markdown"))
        #expect(!SearchFilter(globs: ["*.txt"]).accepts(path: path, plugin: "markdown"))
        #expect(SearchFilter(globs: ["work/*.md"]).accepts(path: path, plugin: "markdown"))
        #expect(!SearchFilter(globs: ["notes/*.md"]).accepts(path: path, plugin: "markdown"))
        #expect(!SearchFilter(plugins: ["html"]).accepts(path: path, plugin: "markdown"))
        #expect(SearchFilter(globs: ["*.txt", "*.md"], plugins: ["markdown"]).accepts(path: path, plugin: "markdown"))
    }

    @Test("--glob speaks the ignore files' dialect: ** crosses folders, classes and escapes as in .gitignore")
    func ignoreFileDialect() {
        let path = "/home/u/notes/work/plan[1].md"
        #expect(SearchFilter(globs: ["notes/**/*.md"]).accepts(path: path, plugin: "markdown"))
        #expect(SearchFilter(globs: ["/home/**/plan*"]).accepts(path: path, plugin: "markdown"))
        #expect(!SearchFilter(globs: ["/home/*/plan*"]).accepts(path: path, plugin: "markdown"))
        #expect(SearchFilter(globs: ["plan\\[1\\].md"]).accepts(path: path, plugin: "markdown"))
        #expect(SearchFilter(globs: ["[o-q]lan*"]).accepts(path: path, plugin: "markdown"))
        #expect(!SearchFilter(globs: ["[!p]lan*"]).accepts(path: path, plugin: "markdown"))
    }
}
