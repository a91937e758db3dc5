import Testing

@testable import QueryEngine

@Suite struct QueryTermsTests {
    @Test("words are lowercased, deduplicated and quoted; common words dropped unless alone")
    func words() {
        let terms = QueryTerms("How do I rotate the LOGS, logs and \"AND\" OR NEAR?")
        #expect(terms.words == ["rotate", "logs", "near"])
        #expect(terms.wordExpression == "\"rotate\" OR \"logs\" OR \"near\"")
        #expect(QueryTerms("how to").words == ["how", "to"])
    }

    @Test("Chinese and Japanese runs become trigram windows; shorter runs none")
    func spaceless() {
        let terms = QueryTerms("日志轮转 config 表")
        #expect(terms.words == ["config"])
        #expect(terms.spacelessRuns == ["日志轮转", "表"])
        #expect(terms.trigramExpression == "\"日志轮\" OR \"志轮转\"")
    }

    @Test("a query is cleaned of control characters and refused when empty, too long, invalid or wordless")
    func cleaning() throws {
        #expect(try QueryText.clean("  rotate\u{0}the\tlogs\n") == "rotate the logs")
        for bad in [
            "", "   \n", "?!? ... ---", "\u{1}\u{2}", "bad \u{FFFD} bytes", String(repeating: "a ", count: 9000),
        ] {
            #expect(throws: (any Error).self) { try QueryText.clean(bad) }
        }
    }
}
