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
        let first = QueryOutcome(files: hits, relevantCount: 2, k: 10, seconds: 0.01)
        #expect(first.firstRelevantRank == 3)
        #expect(first.relevantRanks == [3, 4])
        let cut = QueryOutcome(files: hits, relevantCount: 1, k: 2, seconds: 0.03)
        #expect(cut.firstRelevantRank == nil, "only the first two distinct files count")
        let metrics = RetrievalMetrics([first, cut])
        #expect(metrics.recallAt1 == 0 && metrics.recallAt5 == 0.5 && metrics.recallAt10 == 0.5)
        #expect(abs(metrics.mrrAt10 - 1.0 / 6) < 1e-12)
        let ideal = 1 + 1 / log2(3.0)
        #expect(abs(metrics.ndcgAt10 - (1 / log2(4.0) + 1 / log2(5.0)) / ideal / 2) < 1e-12)
        #expect(metrics.missed == 1)
        #expect(metrics.latencyP50 == 0.01 && metrics.latencyP99 == 0.03)
    }

    @Test("passages: the first k results as they come, several of one file included, each item counted once")
    func passages() {
        // Results of one file, design.html, around the relevant span: a file-level count would
        // put it first; over passages only the fourth result answers.
        let matches: [Set<Int>] = [[], [], [], [0], [0], [1]]
        let outcome = QueryOutcome(passages: matches, relevantCount: 2, k: 10, seconds: 0)
        #expect(outcome.unit == .passages)
        #expect(outcome.firstRelevantRank == 4)
        #expect(outcome.relevantRanks == [4, 6], "the fifth result answers the item the fourth did")
        let metrics = RetrievalMetrics([outcome])
        #expect(metrics.recallAt1 == 0 && metrics.recallAt5 == 1 && abs(metrics.mrrAt10 - 0.25) < 1e-12)
        let ideal = 1 + 1 / log2(3.0)
        #expect(abs(metrics.ndcgAt10 - (1 / log2(5.0) + 1 / log2(7.0)) / ideal) < 1e-12)
        let cut = QueryOutcome(passages: matches, relevantCount: 2, k: 3, seconds: 0)
        #expect(cut.firstRelevantRank == nil, "only the first three results count, not the first three files")
        let both = QueryOutcome(passages: [[0, 1], [0, 1]], relevantCount: 2, k: 10, seconds: 0)
        #expect(both.relevantRanks == [1, 2], "a result is credited with one item; the next may take the other")
        #expect(RetrievalMetrics([both]).ndcgAt10 <= 1)
    }

    @Test("a result answers a line-span item when its file is the item's and its lines overlap the span")
    func overlap() {
        let query = LabeledQuery(
            id: "q", query: "how fast are exceptions",
            relevant: [RelevantItem("python/faq/design.html#L379-L410"), RelevantItem("perl/faq.txt#L5-L5")],
            context: nil)
        #expect(query.scoringUnit == .passages)
        let roots = ["/data/other", "/data/corpus/"]
        let file = "/data/corpus/python/faq/design.html"
        #expect(query.itemsAnswered(byFile: file, lines: 370...379, roots: roots) == [0], "touches the first line")
        #expect(query.itemsAnswered(byFile: file, lines: 410...430, roots: roots) == [0], "touches the last line")
        #expect(query.itemsAnswered(byFile: file, lines: 390...395, roots: roots) == [0])
        #expect(query.itemsAnswered(byFile: file, lines: 330...378, roots: roots).isEmpty, "ends just before")
        #expect(query.itemsAnswered(byFile: file, lines: 411...420, roots: roots).isEmpty, "starts just after")
        #expect(query.itemsAnswered(byFile: "/data/corpus/perl/faq.txt", lines: 1...9, roots: roots) == [1])
        #expect(
            query.itemsAnswered(byFile: "/data/corpus/python/faq/library.html", lines: 379...410, roots: roots)
                .isEmpty, "the same lines of another file")
        #expect(
            query.itemsAnswered(byFile: "/elsewhere/python/faq/design.html", lines: 379...410, roots: roots).isEmpty)
        let mixed = LabeledQuery(
            id: "m", query: "q", relevant: [RelevantItem("a.md#L1-L2"), RelevantItem("b.md")], context: nil)
        #expect(mixed.scoringUnit == .files, "scored over passages only when every item names lines")
        #expect(mixed.itemsAnswered(byFile: "/r/b.md", lines: 90...99, roots: ["/r"]) == [1])
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
