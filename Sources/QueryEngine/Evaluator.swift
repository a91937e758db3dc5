import Foundation
import SemfindCore
import VectorStore

/// Runs labelled queries against one index in one mode and scores the results over files.
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
        let named = Set(queries.flatMap { $0.relevant.map(\.path) })
        return named.filter { path in !roots.contains { indexed.contains(Self.join($0, path)) } }.sorted()
    }

    public func run(_ queries: [LabeledQuery], mode: SearchMode) throws -> Report {
        let roots = try engine.store.status().roots
        var outcomes: [QueryOutcome] = []
        for query in queries {
            let request = SearchRequest(
                query: query.query, mode: mode, limit: k * 10, appliesFloor: appliesFloor, context: query.context)
            let started = DispatchTime.now().uptimeNanoseconds
            let response = try engine.search(request)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let hits = response.results.map { result in
                (
                    file: result.hit.path,
                    relevant: query.relevant.contains { item in
                        roots.contains { Self.join($0, item.path) == result.hit.path }
                            && (item.lines.map {
                                result.hit.span.firstLine <= $0.upperBound && result.hit.span.lastLine >= $0.lowerBound
                            } ?? true)
                    }
                )
            }
            outcomes.append(
                QueryOutcome(
                    rankedHits: hits, relevantCount: query.relevant.count, k: k, seconds: seconds,
                    shown: min(k, response.results.count)))
        }
        return Report(metrics: RetrievalMetrics(outcomes), outcomes: outcomes)
    }

    static func join(_ root: String, _ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
