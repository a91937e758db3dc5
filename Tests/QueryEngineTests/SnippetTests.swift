import Testing

@testable import QueryEngine

@Suite struct SnippetTests {
    @Test("the sentence with most query words is chosen and the words are marked by byte offsets")
    func bestSentence() {
        let chunk =
            "Kitchen notes.\nThe espresso machine needs descaling monthly. Use citric acid.\n\nTomatoes ripen on the sill."
        let snippet = Snippet(chunk: chunk, terms: QueryTerms("how to descale the espresso machine"), maxLength: 80)
        #expect(snippet.text == "…The espresso machine needs descaling monthly. Use citric acid.")
        let marked = snippet.highlights.map { range in
            String(decoding: Array(snippet.text.utf8)[range], as: UTF8.self)
        }
        #expect(marked == ["espresso", "machine"])
    }

    @Test("a chunk with no query word starts at its beginning, cut to the length")
    func noMatch() {
        let snippet = Snippet(chunk: String(repeating: "word ", count: 100), terms: QueryTerms("other"), maxLength: 20)
        #expect(snippet.text.count == 20)
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.highlights.isEmpty)
    }
}
