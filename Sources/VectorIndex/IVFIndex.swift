import CKernels
import SemfindCore

/// An inverted-file index: k-means centroids split the rows into lists, and a query scans only
/// the `probes` lists whose centroids are most similar to it.
///
/// The rows live in a `VectorSnapshot` ordered by list, so each list is one contiguous block of
/// int8 rows with their scales (scanned with the same kernel as `FlatIndex`) and of rescoring
/// rows (the stored precision, for rescoring the best candidates): a probe is one sequential scan. The same
/// snapshot is what `semfind index` writes beside an IVF index and what a query maps.
public struct IVFIndex: Sendable {
    public let snapshot: VectorSnapshot
    let lists: VectorSnapshot.Lists
    /// The size of the longest list (the scratch a scan needs).
    let longestList: Int

    public var dimension: Int { snapshot.dimension }
    public var count: Int { snapshot.count }
    public var listCount: Int { lists.count }

    /// The number of lists for `rows` rows: about 4·√rows, at least 1 and at most `rows`.
    public static func listCount(rows: Int) -> Int {
        max(1, min(rows, Int((4 * Double(rows).squareRoot()).rounded())))
    }

    /// Lloyd rounds of training, at most.
    public static let trainingIterations = 10

    /// How many rows the centroids of `listCount` lists are trained on, at most: 40 per list
    /// (fewer leave centroids noisy), and no more than 200,000 (training time).
    public static func trainingRows(listCount: Int) -> Int { min(40 * listCount, 200_000) }

    /// Search over a snapshot whose rows are ordered by list; nil for a flat snapshot.
    public init?(snapshot: VectorSnapshot) {
        guard let lists = snapshot.lists else { return nil }
        self.snapshot = snapshot
        self.lists = lists
        longestList = (0..<lists.count).map { lists.rows(of: $0).count }.max() ?? 0
    }

    /// Trains `listCount` centroids on a random sample of the rows of `source` (in any order),
    /// then files every row under its nearest centroid: the rows, ids and all, are copied into a
    /// new snapshot of `generation`, ordered by list and by `source` order within a list.
    public init(training source: VectorSnapshot, listCount: Int, generation: Int64, seed: UInt64 = 1) throws {
        var generator = SeededGenerator(seed: seed)
        let quantizer = SphericalKMeans.train(
            source, k: listCount, sampleLimit: Self.trainingRows(listCount: listCount),
            iterations: Self.trainingIterations, generator: &generator)
        let snapshot = try Self.listOrdered(
            source, labels: quantizer.assign(source), centroids: quantizer.centroids, generation: generation)
        guard let index = IVFIndex(snapshot: snapshot) else {
            throw SemfindError(.io, "the trained IVF snapshot has no lists")
        }
        self = index
    }

    /// Rows ordered by list (`labels` gives each row's list), keeping their order within a list:
    /// where each of the `listCount` lists starts (and the row count last), and the rows in
    /// that order.
    package static func listOrder(labels: [Int32], listCount: Int) -> (starts: [Int], order: [Int]) {
        var starts = [Int](repeating: 0, count: listCount + 1)
        for label in labels { starts[Int(label) + 1] += 1 }
        for list in 0..<listCount { starts[list + 1] += starts[list] }
        var next = starts
        var order = [Int](repeating: 0, count: labels.count)
        for (row, label) in labels.enumerated() {
            order[next[Int(label)]] = row
            next[Int(label)] += 1
        }
        return (starts, order)
    }

    /// The rows of `source` (ids and all) copied into a new snapshot of `generation` ordered by
    /// list — `labels` gives each row's list, `centroids` the lists — and by `source` order
    /// within a list.
    package static func listOrdered(
        _ source: VectorSnapshot, labels: [Int32], centroids: [Float], generation: Int64
    ) throws -> VectorSnapshot {
        let dimension = source.dimension
        let (starts, order) = listOrder(labels: labels, listCount: centroids.count / dimension)
        return try VectorSnapshot.assemble(
            count: source.count, dimension: dimension, generation: generation, nextChunkID: source.nextChunkID,
            precision: source.precision, lists: VectorSnapshot.ListLayout(starts: starts, centroids: centroids)
        ) { writer in
            for (position, row) in order.enumerated() { writer.copy(position, from: source, row: row) }
            return order.count
        }
    }

    /// Trains an index over `vectors` (unit rows of `dimension`) for benchmarks and tests: each
    /// row's number is its chunk id and its file id, so `nearest` answers with row numbers.
    public init(
        vectors: UnsafeBufferPointer<Float>, dimension: Int, listCount: Int, precision: VectorPrecision = .f32,
        seed: UInt64 = 1
    ) throws {
        let rows = vectors.count / dimension
        let source = try VectorSnapshot.build(count: rows, dimension: dimension, generation: 0, precision: precision) {
            chunkIDs, fileIDs, matrix in
            for row in 0..<rows {
                chunkIDs[row] = Int64(row)
                fileIDs[row] = Int64(row)
            }
            _ = matrix.initialize(from: vectors)
            return rows
        }
        try self.init(training: source, listCount: listCount, generation: 0, seed: seed)
    }

    /// The centroid of each row of `vectors` (unit rows of the index's dimension): where new
    /// chunks are filed without training again.
    public static func nearestCentroids(of vectors: [Float], centroids: [Float], dimension: Int) -> [Int32] {
        let model = SphericalKMeans(dimension: dimension, centroids: centroids)
        return vectors.withUnsafeBufferPointer { model.assign(FloatMatrix($0, dimension: dimension)) }
    }

    /// The rows of the `probes` lists nearest to `query` (a unit vector) whose file `allow`
    /// accepts (all when nil), keeping the `limit` best by int8 similarity, best first.
    public func candidates(
        _ query: [Float], probes: Int, limit: Int, allow: ((Int64) -> Bool)? = nil
    ) -> [(row: Int, score: Float)] {
        guard count > 0, query.count == dimension, limit > 0, let base = snapshot.quantized.baseAddress else {
            return []
        }
        let (quantizedQuery, queryScale) = Quantizer.quantized(query)
        var best = RankedRows(capacity: limit)
        var dots = [Int32](repeating: 0, count: longestList)
        let scales = snapshot.scales
        let fileIDs = snapshot.fileIDs
        for list in nearestLists(query, probes: probes) {
            let rows = lists.rows(of: list)
            semfind_int8_scores(base + rows.lowerBound * dimension, quantizedQuery, rows.count, dimension, &dots)
            for offset in 0..<rows.count {
                let row = rows.lowerBound + offset
                let score = Float(dots[offset]) * scales[row] * queryScale
                guard best.admits(score) else { continue }
                if let allow, !allow(fileIDs[row]) { continue }
                best.insert(row, score)
            }
        }
        return best.ranked
    }

    /// The `k` rows most similar to `query` by exact cosine, best first, among the rows of the
    /// `probes` lists nearest to it: the int8 scan of those lists keeps `candidates` rows, which
    /// are rescored with the stored rows. Rows are named by their chunk ids (row numbers for an
    /// index built from `vectors`).
    public func nearest(_ query: [Float], k: Int, probes: Int, candidates: Int) -> [(row: Int, score: Float)] {
        guard k > 0, query.count == dimension else { return [] }
        var exact = TopScores(capacity: k)
        for candidate in self.candidates(query, probes: probes, limit: max(k, candidates)) {
            let score = snapshot.similarity(query, row: candidate.row)
            if exact.admits(score) { exact.insert(candidate.row, score) }
        }
        return exact.ranked.map { (Int(snapshot.chunkIDs[$0.row]), $0.score) }
    }

    /// The `probes` lists whose centroids are most similar to `query`, most similar first.
    public func nearestLists(_ query: [Float], probes: Int) -> [Int] {
        Self.nearestLists(query, centroids: lists.centroids, dimension: dimension, probes: probes)
    }

    /// The `probes` rows of `centroids` (`dimension` wide) most similar to `query`, most similar first.
    package static func nearestLists(
        _ query: [Float], centroids: UnsafeBufferPointer<Float>, dimension: Int, probes: Int
    ) -> [Int] {
        let listCount = centroids.count / dimension
        guard listCount > 0, query.count == dimension else { return [] }
        let scores = centroidScores(query, centroids: centroids, dimension: dimension)
        var best = TopScores(capacity: max(1, min(probes, listCount)))
        for list in 0..<listCount where best.admits(scores[list]) { best.insert(list, scores[list]) }
        return best.ranked.map(\.row)
    }

    /// The similarity of `query` with each of `centroids` (rows of `dimension`).
    static func centroidScores(_ query: [Float], centroids: UnsafeBufferPointer<Float>, dimension: Int) -> [Float] {
        let listCount = centroids.count / dimension
        var scores = [Float](repeating: 0, count: listCount)
        if let base = centroids.baseAddress { semfind_f32_scores(base, query, listCount, dimension, &scores) }
        return scores
    }

    /// The chunk ids of each list's rows (for checks: together they hold every row once).
    public var listMembers: [[Int64]] {
        (0..<listCount).map { Array(snapshot.chunkIDs[lists.rows(of: $0)]) }
    }
}
