import Testing

@testable import QueryEngine

@Suite("Keyword evidence: what keeps a passage below the relevance floor")
struct KeywordEvidenceTests {
    @Test("half the query's rare-word weight keeps a passage; a common word alone does not")
    func shareOfTheWeight() {
        let terms = QueryTerms("how do I take back my last git commit")
        let frequencies = ["how": 4, "do": 5, "i": 5, "take": 2, "back": 2, "my": 4, "last": 2, "git": 1, "commit": 1]
        let evidence = KeywordEvidence(terms: terms, frequencies: frequencies, chunkCount: 10)
        #expect(evidence.isStrong(in: "Undo the last git commit and take back its changes"))
        #expect(!evidence.isStrong(in: "Take a spare charger and a travel adapter"))
    }

    @Test("in a large index, a word in at most a thousandth of its chunks keeps a passage on its own")
    func rareWord() {
        let terms = QueryTerms("is there a scanf or sscanf equivalent")
        let frequencies = [
            "is": 9_000, "there": 3_000, "a": 15_000, "scanf": 6, "or": 8_000, "sscanf": 2, "equivalent": 600,
        ]
        let large = KeywordEvidence(terms: terms, frequencies: frequencies, chunkCount: 16_000)
        #expect(large.isStrong(in: "Regular expressions are more powerful than C's sscanf"))
        #expect(!large.isStrong(in: "Is there an equivalent of this in the library?"))
        // An index of 900 chunks has no word that rare: the share decides, and sscanf is too little of it.
        let fewer = ["there": 200, "scanf": 6, "sscanf": 2, "equivalent": 40]
        let small = KeywordEvidence(terms: terms, frequencies: fewer, chunkCount: 900)
        #expect(!small.isStrong(in: "Regular expressions are more powerful than C's sscanf"))
    }
}
