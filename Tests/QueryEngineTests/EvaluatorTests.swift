import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing
import VectorStore

@testable import QueryEngine

/// The evaluator end to end on a small index searched by keywords (no encoder needed).
@Suite struct EvaluatorTests {
    /// One FAQ page of three passages, the answer last, and a distractor page.
    private func index() throws -> (engine: SearchEngine, root: String) {
        let root = try TestScratch.folder("eval-corpus").path
        let passages = [
            (lines: 1...9, text: "exceptions exceptions fast fast: why are exceptions fast"),
            (lines: 10...19, text: "exceptions are fast, mostly, as exceptions go"),
            (lines: 20...30, text: "a try block costs little; catching exceptions costs more"),
        ]
        let store = try IndexStore(path: try TestScratch.file("eval-index", named: "index.sqlite"), create: true)
        try store.bindModel(fingerprint: { "m" }, signature: "s", name: "m", dimension: 2)
        for (name, chunks) in [("faq.txt", passages), ("other.txt", [(lines: 20...30, text: "the odd exception")])] {
            let path = root + "/" + name
            try Data(String(repeating: "line\n", count: 30).utf8).write(to: URL(fileURLWithPath: path))
            let record = FileRecord(
                path: path, size: 150, modified: 0, contentHash: name, plugin: "text", pluginVersion: 1)
            try store.replaceFile(
                record, root: root,
                chunks: chunks.map { chunk in
                    StoredChunk(
                        text: chunk.text, headingPath: [],
                        span: SourceSpan(
                            firstLine: chunk.lines.lowerBound, lastLine: chunk.lines.upperBound, bytes: 0..<5),
                        hash: "\(name)-\(chunk.lines)", vector: [1, 0])
                })
        }
        let engine = SearchEngine(store: store) { _ in
            throw SemfindError(.modelNotFound, "keyword searches need no model")
        }
        return (engine, root)
    }

    @Test("a query whose items name lines is scored over its passages, one whose items do not over files")
    func passagesAndFiles() throws {
        let (engine, root) = try index()
        let response = try engine.search(SearchRequest(query: "are exceptions fast", mode: .keyword, limit: 100))
        let ranked = response.results.map { ($0.hit.path, $0.hit.span.firstLine) }
        #expect(ranked.first?.0 == root + "/faq.txt" && ranked.first?.1 == 1, "the page's first passage leads")
        let answer = try #require(ranked.firstIndex { $0 == (root + "/faq.txt", 20) }) + 1
        #expect(answer > 1)

        let evaluator = Evaluator(engine: engine, k: 10, appliesFloor: false)
        let queries = [
            LabeledQuery(
                id: "span", query: "are exceptions fast", relevant: [RelevantItem("faq.txt#L22-L40")], context: nil),
            LabeledQuery(id: "file", query: "are exceptions fast", relevant: [RelevantItem("faq.txt")], context: nil),
            LabeledQuery(
                id: "gap", query: "are exceptions fast", relevant: [RelevantItem("faq.txt#L31-L40")], context: nil),
        ]
        let outcomes = try evaluator.run(queries, mode: .keyword).outcomes
        #expect(outcomes.map(\.unit) == [.passages, .files, .passages])
        #expect(outcomes[0].firstRelevantRank == answer, "the overlapping passage's rank, not its file's")
        #expect(outcomes[1].firstRelevantRank == 1)
        #expect(outcomes[2].firstRelevantRank == nil, "no passage reaches line 31")
        let cut = try Evaluator(engine: engine, k: answer - 1, appliesFloor: false).run([queries[0]], mode: .keyword)
        #expect(cut.outcomes[0].firstRelevantRank == nil, "k counts results, not files")
    }
}
