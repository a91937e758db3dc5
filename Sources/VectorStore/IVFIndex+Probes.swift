import SemfindCore

extension IVFIndex {
    /// How many lists a query scans, and the recall@10 that was measured with it.
    public struct ProbeChoice: Sendable, Equatable {
        public let probes: Int
        public let recall: Double
        /// How many of the index's own rows served as queries.
        public let queries: Int
    }

    /// The recall@10 the probes are chosen for, on the index's own rows: 0.99, not the 0.95
    /// promised, because real queries land farther from the rows than a row does from its
    /// neighbours. On redis's 931 chunks (122 lists) own-row recall 0.967 came with 0.936 for the
    /// set's 152 queries embedded, and their top 10 results overlapped flat search's by 0.916;
    /// at own-row recall 0.989, 0.970 and 0.964 (docs/PERFORMANCE.md, "How nprobe is chosen").
    public static let probeTarget = 0.99

    /// The smallest number of probes whose recall@10 against exact search reaches `target` with
    /// two standard errors to spare, measured with `queries` random rows of the index itself as
    /// queries (each query's own row left out of both the exact and the approximate answer).
    /// The margin keeps a choice that only just reaches the target on this sample from falling
    /// short on other queries. Probes grow by about a quarter at each step; when even every
    /// list falls short, all lists are probed.
    public func chooseProbes(
        target: Double = probeTarget, queries: Int = 500, candidates: Int, seed: UInt64 = 2
    ) -> ProbeChoice {
        let k = 10
        var generator = SeededGenerator(seed: seed)
        let positions = Array((0..<count).shuffled(using: &generator).prefix(queries))
        guard !positions.isEmpty else { return ProbeChoice(probes: 1, recall: 1, queries: 0) }
        let matrix = positions.flatMap { snapshot.vector(ofRow: $0) }
        let chunkIDs = snapshot.chunkIDs
        let truth = ExactNeighbors.search(matrix, in: snapshot, k: k, excluded: positions)
            .map { $0.map { Int(chunkIDs[$0]) } }
        var probes = 1
        while true {
            let found = positions.enumerated().map { index, position in
                let query = Array(matrix[(index * dimension)..<((index + 1) * dimension)])
                return nearest(query, k: k + 1, probes: probes, candidates: candidates).map(\.row).filter {
                    $0 != Int(chunkIDs[position])
                }
            }
            let shares = zip(found, truth).map { ExactNeighbors.recall([$0], truth: [$1], k: k) }
            let recall = shares.reduce(0, +) / Double(shares.count)
            let variance = shares.reduce(0) { $0 + ($1 - recall) * ($1 - recall) } / Double(max(1, shares.count - 1))
            let standardError = (variance / Double(shares.count)).squareRoot()
            if recall - 2 * standardError >= target || probes >= listCount {
                return ProbeChoice(probes: probes, recall: recall, queries: positions.count)
            }
            probes = min(listCount, max(probes + 1, probes * 5 / 4))
        }
    }
}
