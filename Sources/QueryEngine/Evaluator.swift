import Foundation
import SemfindCore
import VectorStore

/// Runs labelled queries against one index in one mode and scores each query's results over
/// its `scoringUnit`: files, or passages when all its relevant items name line spans.
public struct Evaluator {
    public let engine: SearchEngine
    public let k: Int
    /// Whether searches leave out results below the index's relevance floor (as `semfind
    /// QUERY` does by default).
    public let appliesFloor: Bool

    public init(engine: SearchEngine, k: Int = 10, appliesFloor: Bool = true) {
        self.engine = engine
        self.k = k
        self.appliesFloor = appliesFloor
    }

    public struct Report: Sendable {
        public let metrics: RetrievalMetrics
        public let outcomes: [QueryOutcome]
    }

    /// Relevant paths that name no indexed file under any root (reported, never silently a miss).
    public func unknownPaths(in queries: [LabeledQuery]) throws -> [String] {
        let roots = try engine.store.status().roots
        let indexed = Set(try engine.store.indexedFiles().map(\.path))
        let items = queries.flatMap(\.relevant).filter { item in
            !roots.contains { indexed.contains(item.absolutePath(under: $0)) }
        }
        return Set(items.map(\.path)).sorted()
    }

    public func run(_ queries: [LabeledQuery], mode: SearchMode) throws -> Report {
        let roots = try engine.store.status().roots
        var outcomes: [QueryOutcome] = []
        for query in queries {
            let request = SearchRequest(
                query: query.query, mode: mode, limit: k * 10, appliesFloor: appliesFloor,
                maxPerFile: SearchRequest.defaultMaxPerFile, context: query.context)
            let started = DispatchTime.now().uptimeNanoseconds
            let response = try engine.search(request)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let matches = response.results.map { result in
                // A span over a page break may end on an earlier line (of a later page) than it starts.
                let span = result.hit.span
                return query.itemsAnswered(
                    byFile: result.hit.path, lines: span.firstLine...max(span.firstLine, span.lastLine), roots: roots)
            }
            let shown = min(k, response.results.count)
            switch query.scoringUnit {
            case .files:
                let hits = zip(response.results, matches).map { (file: $0.hit.path, relevant: !$1.isEmpty) }
                outcomes.append(
                    QueryOutcome(
                        files: hits, relevantCount: query.relevant.count, k: k, seconds: seconds, shown: shown))
            case .passages:
                outcomes.append(
                    QueryOutcome(
                        passages: matches, relevantCount: query.relevant.count, k: k, seconds: seconds, shown: shown))
            }
        }
        return Report(metrics: RetrievalMetrics(outcomes), outcomes: outcomes)
    }
}
