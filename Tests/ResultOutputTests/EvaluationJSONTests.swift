import Foundation
import ResultOutput
import Testing

/// `semfind eval --json` as a script reads it: a query with no relevant hit in the first k keeps
/// its id with a null rank, and rows without --per-query have no per_query key.
@Suite struct EvaluationJSONTests {
    private let row =
        #"{"empty_share":0,"index":"/tmp/a.sqlite","latency_p50_ms":1.5,"latency_p99_ms":2,"mean_shown":5,"#
        + #""missed":1,"mode":"hybrid","mrr_at_10":0.5,"ndcg_at_10":0.5,"#

    @Test("a missed query's rank is written as null, not left out")
    func missedRankIsNull() throws {
        let line =
            #"{"k":10,"results":["# + row
            + #""per_query":[{"id":"q1","rank":1},{"id":"q2","rank":null}],"queries":2,"recall_at_1":0.5,"#
            + #""recall_at_10":0.5,"recall_at_5":0.5,"setting":{"fusion-k":10}}]}"# + "\n"
        let report = try JSONLine.decode(EvaluationJSON.self, from: Data(line.utf8))
        #expect(report.results[0].perQuery?.map(\.rank) == [1, nil])
        #expect(JSONLine.encode(report) == line)
    }

    @Test("without --per-query a row has no per_query key")
    func noPerQueryKey() throws {
        let line =
            #"{"k":10,"results":["# + row
            + #""queries":2,"recall_at_1":0.5,"recall_at_10":0.5,"recall_at_5":0.5,"setting":{}}]}"# + "\n"
        let encoded = JSONLine.encode(try JSONLine.decode(EvaluationJSON.self, from: Data(line.utf8)))
        #expect(encoded == line)
        #expect(!encoded.contains("per_query"))
    }
}
