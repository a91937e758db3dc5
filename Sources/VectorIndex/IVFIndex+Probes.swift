import CKernels
import SemfindCore

extension IVFIndex {
    /// How many lists a query scans, and the recall@10 that was measured with it.
    public struct ProbeChoice: Sendable, Equatable {
        public let probes: Int
        public let recall: Double
        /// How many of the index's own rows served as queries.
        public let queries: Int
    }

    /// The recall the probes are chosen for, on the index's own rows: recall@100 of 0.98. Own
    /// rows are easier queries than real ones (a row sits among its nearest neighbours), and the
    /// ranking draws on hundreds of candidates, weighing each by its file, so a row far down the
    /// similarity order can reach the top 10. On redis's 931 chunks (122 lists) own-row
    /// recall@10 0.967 came with 0.936 for the set's real queries and an overlap of 0.916 with
    /// flat search's top 10; on 1,000,000 vectors (4,000 lists) own-row recall@10 0.995 (293
    /// probes) still gave an overlap of only 0.926, where 0.98 at depth 100 (about 600 probes)
    /// gives 0.95 or more (docs/PERFORMANCE.md, "How nprobe is chosen").
    public static let probeTarget = 0.98
    public static let probeDepth = 100

    /// The smallest number of probes whose recall@`depth` against exact search reaches `target`
    /// with two standard errors to spare, measured with `queries` random rows of the index itself
    /// as queries (each query's own row left out of both the exact and the approximate answer);
    /// reported with the recall@10 it gives. The margin keeps a choice that only just reaches the
    /// target on this sample from falling short on other queries. Probes grow by about a quarter
    /// at each step; when even every list falls short, all lists are probed.
    ///
    /// Each query's answer is what `nearest` gives with `candidates` (at least `depth`), but
    /// computed list by list: at each step every list is scanned once for all the queries that
    /// newly probe it, and a mapped snapshot's rows are given back after each list, so that
    /// memory stays small however large the index.
    public func chooseProbes(
        target: Double = probeTarget, depth: Int = probeDepth, queries: Int = 500, candidates: Int, seed: UInt64 = 2
    ) -> ProbeChoice {
        var generator = SeededGenerator(seed: seed)
        let positions = Array((0..<count).shuffled(using: &generator).prefix(queries))
        guard !positions.isEmpty, depth > 0 else { return ProbeChoice(probes: 1, recall: 1, queries: 0) }
        let vectors = positions.map { snapshot.vector(ofRow: $0) }
        snapshot.releasePages(ofRows: 0..<count)
        let truth = ExactNeighbors.search(vectors.flatMap { $0 }, in: snapshot, k: depth, excluded: positions)
            .map { $0.map { Int(snapshot.chunkIDs[$0]) } }
        var probing = ProbeSweep(
            index: self, queries: vectors, excluded: positions, candidates: max(depth, candidates))
        var probes = 1
        while true {
            probing.scan(upTo: probes)
            let found = probing.nearest(k: depth)
            let shares = zip(found, truth).map { ExactNeighbors.recall([$0], truth: [$1], k: depth) }
            let recall = shares.reduce(0, +) / Double(shares.count)
            let variance = shares.reduce(0) { $0 + ($1 - recall) * ($1 - recall) } / Double(max(1, shares.count - 1))
            let standardError = (variance / Double(shares.count)).squareRoot()
            if recall - 2 * standardError >= target || probes >= listCount {
                let top10 = ExactNeighbors.recall(found, truth: truth, k: 10)
                return ProbeChoice(probes: probes, recall: top10, queries: positions.count)
            }
            probes = min(listCount, max(probes + 1, probes * 5 / 4))
        }
    }
}

/// The candidates of many queries as the probes grow: each query's lists ranked nearest first,
/// and its best rows by int8 similarity among the lists scanned so far, each with its similarity
/// by the stored row, computed while the row's list is being scanned (touching scattered rows
/// afterwards would map much of a large snapshot).
private struct ProbeSweep {
    let index: IVFIndex
    let queries: [[Float]]
    let excluded: [Int]
    let quantized: [[Int8]]
    let scales: [Float]
    /// Every list of each query, nearest first.
    let ranking: [[Int32]]
    var best: [RankedRows]
    /// The stored-row similarity of each row admitted to `best`, by query.
    var exact: [[Int: Float]]
    var scanned = 0

    init(index: IVFIndex, queries: [[Float]], excluded: [Int], candidates: Int) {
        self.index = index
        self.queries = queries
        self.excluded = excluded
        let quantized = queries.map(Quantizer.quantized)
        self.quantized = quantized.map(\.values)
        scales = quantized.map(\.scale)
        ranking = queries.map { Self.rankedLists($0, index: index) }
        best = queries.map { _ in RankedRows(capacity: candidates) }
        exact = queries.map { _ in [:] }
    }

    /// Every list by similarity of its centroid to `query`, most similar first.
    static func rankedLists(_ query: [Float], index: IVFIndex) -> [Int32] {
        let scores = IVFIndex.centroidScores(query, centroids: index.lists.centroids, dimension: index.dimension)
        return (0..<Int32(index.listCount)).sorted {
            scores[Int($0)] > scores[Int($1)] || (scores[Int($0)] == scores[Int($1)] && $0 < $1)
        }
    }

    /// Scans, for every query, its lists ranked `scanned..<probes`: list by list, each list once
    /// for all the queries that want it.
    mutating func scan(upTo probes: Int) {
        guard probes > scanned else { return }
        var wanting = [[Int]](repeating: [], count: index.listCount)
        for query in queries.indices {
            for rank in scanned..<min(probes, ranking[query].count) { wanting[Int(ranking[query][rank])].append(query) }
        }
        let snapshot = index.snapshot
        guard let rowsBase = snapshot.quantized.baseAddress else { return }
        var dots = [Int32](repeating: 0, count: index.longestList)
        for list in 0..<index.listCount where !wanting[list].isEmpty {
            let rows = index.lists.rows(of: list)
            for query in wanting[list] {
                semfind_int8_scores(
                    rowsBase + rows.lowerBound * index.dimension, quantized[query], rows.count, index.dimension, &dots)
                for offset in 0..<rows.count {
                    let row = rows.lowerBound + offset
                    let score = Float(dots[offset]) * snapshot.scales[row] * scales[query]
                    guard row != excluded[query], best[query].admits(score) else { continue }
                    best[query].insert(row, score)
                    exact[query][row] = snapshot.similarity(queries[query], row: row)
                }
            }
            snapshot.releasePages(ofRows: rows)
        }
        scanned = probes
    }

    /// Each query's `k` best candidates by the stored rows, as chunk ids (what `nearest` answers);
    /// forgets the similarities of rows no longer among the candidates.
    mutating func nearest(k: Int) -> [[Int]] {
        var answers: [[Int]] = []
        for query in queries.indices {
            var top = TopScores(capacity: k)
            var kept: [Int: Float] = [:]
            for candidate in best[query].ranked {
                let score = exact[query][candidate.row] ?? 0
                kept[candidate.row] = score
                if top.admits(score) { top.insert(candidate.row, score) }
            }
            exact[query] = kept
            answers.append(top.ranked.map { Int(index.snapshot.chunkIDs[$0.row]) })
        }
        return answers
    }
}
