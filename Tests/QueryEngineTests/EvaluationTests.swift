import Foundation
import TestSupport
import Testing

@testable import QueryEngine

@Suite struct EvaluationTests {
    @Test("recall, MRR and nDCG over the first k distinct files")
    func metrics() {
        let hits: [(file: String, relevant: Bool)] = [
            ("a", false), ("a", false), ("b", false), ("c", true), ("d", true),
        ]
        let first = QueryOutcome(rankedHits: hits, relevantCount: 2, k: 10, seconds: 0.01)
        #expect(first.firstRelevantRank == 3)
        #expect(first.relevantRanks == [3, 4])
        let cut = QueryOutcome(rankedHits: hits, relevantCount: 1, k: 2, seconds: 0.03)
        #expect(cut.firstRelevantRank == nil, "only the first two distinct files count")
        let metrics = RetrievalMetrics([first, cut])
        #expect(metrics.recallAt1 == 0 && metrics.recallAt5 == 0.5 && metrics.recallAt10 == 0.5)
        #expect(abs(metrics.mrrAt10 - 1.0 / 6) < 1e-12)
        let ideal = 1 + 1 / log2(3.0)
        #expect(abs(metrics.ndcgAt10 - (1 / log2(4.0) + 1 / log2(5.0)) / ideal / 2) < 1e-12)
        #expect(metrics.missed == 1)
        #expect(metrics.latencyP50 == 0.01 && metrics.latencyP99 == 0.03)
    }

    @Test("labelled lines load with contexts and line ranges; a bad line is named by its number")
    func loading() throws {
        let path = TestScratch.root.path + "/labels-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(
            """
            {"id": "one", "query": "rotate logs", "relevant": ["ops/logs.md#L10-L40"], "context": "disk full"}

            {"id": 2, "query": "undo commit", "relevant": ["git.md"], "session": ["earlier question"]}
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let queries = try LabeledQuery.load(path: path)
        #expect(queries.map(\.id) == ["one", "2"])
        #expect(queries[0].relevant == [RelevantItem("ops/logs.md#L10-L40")])
        #expect(queries[0].relevant[0].path == "ops/logs.md" && queries[0].relevant[0].lines == 10...40)
        #expect(queries[0].context == .given("disk full"))
        #expect(queries[1].context == .session(["earlier question"]))
        try Data("{\"query\": \"fine\", \"relevant\": [\"a\"]}\n{\"query\": 3}\n".utf8).write(
            to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try LabeledQuery.load(path: path) }
        do {
            _ = try LabeledQuery.load(path: path)
        } catch {
            #expect("\(error)".contains(":2:"), "\(error)")
        }
    }
}
