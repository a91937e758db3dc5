import Testing

@testable import QueryEngine

@Suite struct QueryTermsTests {
    @Test("words are lowercased, deduplicated and quoted; common words dropped unless alone")
    func words() {
        let terms = QueryTerms("How do I rotate the LOGS, logs and \"AND\" OR NEAR?")
        #expect(terms.words == ["rotate", "logs", "near"])
        let rare = ["rotate": 10, "logs": 20, "near": 5]
        #expect(
            terms.wordExpression(frequencies: rare, chunkCount: 1_000, budget: 100)
                == "\"near\" OR \"rotate\" OR \"logs\"")
        #expect(QueryTerms("").wordExpression(frequencies: [:], chunkCount: 1_000, budget: 100) == nil)
        #expect(QueryTerms("how to").words == ["how", "to"])
    }

    @Test("past the budget of matching chunks, the commonest words count only together")
    func budget() {
        let terms = QueryTerms("sort hash values perl")
        let frequencies = ["sort": 1_943, "hash": 6_018, "values": 5_726, "perl": 41_255]
        // values, hash and perl together: about 100,000 · 0.057 · 0.060 · 0.41 = 140 chunks.
        #expect(
            terms.wordExpression(frequencies: frequencies, chunkCount: 100_000, budget: 5_000)
                == "\"sort\" OR (\"values\" AND \"hash\" AND \"perl\")")
        #expect(
            terms.wordExpression(frequencies: frequencies, chunkCount: 100_000, budget: 12_000)
                == "\"sort\" OR \"values\" OR (\"hash\" AND \"perl\")")
        // An AND that would still match too many (here 25,000 of the 2,000 left) is left out.
        let common = ["rare": 3_000, "python": 50_000, "use": 50_000]
        #expect(
            QueryTerms("rare python use").wordExpression(frequencies: common, chunkCount: 100_000, budget: 5_000)
                == "\"rare\"")
        #expect(
            QueryTerms("perl").wordExpression(frequencies: frequencies, chunkCount: 100_000, budget: 10)
                == "\"perl\"", "the rarest always")
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
