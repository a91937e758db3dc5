import Testing

@testable import FileWalk

@Suite struct WalkFocusTests {
    @Test("a focus covers its paths and what lies under them, and leads the walk down to them")
    func coversAndIncludes() {
        let focus = WalkFocus(paths: ["/r/a/b", "/r/c.md/"])
        #expect(focus.covers("/r/a/b") && focus.covers("/r/a/b/d/e.md") && focus.covers("/r/c.md"))
        #expect(!focus.covers("/r/a") && !focus.covers("/r/a/bc"))
        #expect(focus.includes("/r") && focus.includes("/r/a"))
        #expect(!focus.includes("/r/x") && !focus.includes("/r/a/c"))
    }
}
