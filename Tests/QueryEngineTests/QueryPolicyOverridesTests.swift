import QueryEngine
import SemfindCore
import Testing

/// `semfind eval`'s ranking options over the default policy, and its `--mode` names.
@Suite struct QueryPolicyOverridesTests {
    @Test func givenOptionsReplaceTheDefaultsAndTheRestStay() throws {
        let policy = try QueryPolicy(minPieces: 7, fusionK: 20, keywordBudget: 50, exactScan: true, blend: "text")
        let defaults = QueryPolicy()
        #expect(policy.minimumPieces == 7)
        #expect(policy.fusionK == 20)
        #expect(policy.keywordMatchBudget == 50)
        #expect(policy.exactScan)
        #expect(policy.givenContextBlend == .text && policy.sessionBlend == .text)
        #expect(policy.openingWeight == defaults.openingWeight)
        #expect(policy.keywordWeight == defaults.keywordWeight)
    }

    @Test func unknownBlendsAndModesAreRefused() throws {
        #expect(throws: SemfindError.self) { try QueryPolicy(blend: "both") }
        #expect(try SearchMode.named(["keyword", "hybrid"]) == [.keyword, .hybrid])
        #expect(throws: SemfindError.self) { try SearchMode.named(["fuzzy"]) }
    }
}
