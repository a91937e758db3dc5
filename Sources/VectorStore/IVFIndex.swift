import CBLAS
import CKernels
import SemfindCore

/// An inverted-file index: k-means centroids split the rows into lists, and a query scans only
/// the `probes` lists whose centroids are most similar to it.
///
/// Each list is one contiguous block of rows — int8 rows with their scales, scanned with the
/// same kernel as `FlatIndex`, and float rows for rescoring the best candidates exactly — so a
/// probe is one sequential scan.
public struct IVFIndex: Sendable {
    public let dimension: Int
    let quantizer: SphericalKMeans
    /// The centroids in int8 with a scale each: the query's nearest lists are found by the
    /// same int8 scan as its candidates, reading a quarter of the bytes.
    let centroidScales: [Float]
    let quantizedCentroids: [Int8]
    /// Rows `listStarts[list]..<listStarts[list + 1]` of the list-ordered arrays form `list`.
    let listStarts: [Int]
    /// The caller's row number of each list-ordered row.
    let rowIDs: [Int]
    let scales: [Float]
    let quantized: [Int8]
    let vectors: [Float]
    /// The size of the longest list (the scratch a scan needs).
    let longestList: Int

    public var count: Int { rowIDs.count }
    public var listCount: Int { quantizer.count }

    /// The number of lists for `rows` rows: about 4·√rows, at least 1 and at most `rows`.
    public static func listCount(rows: Int) -> Int {
        max(1, min(rows, Int((4 * Double(rows).squareRoot()).rounded())))
    }

    /// Lloyd rounds of training, at most.
    public static let trainingIterations = 10

    /// How many rows the centroids of `listCount` lists are trained on, at most: 40 per list
    /// (fewer leave centroids noisy), and no more than 200,000 (training time).
    public static func trainingRows(listCount: Int) -> Int { min(40 * listCount, 200_000) }

    /// Trains `listCount` centroids on a random sample of `vectors` (unit rows of `dimension`),
    /// then files every row under its nearest centroid.
    public init(vectors: UnsafeBufferPointer<Float>, dimension: Int, listCount: Int, seed: UInt64 = 1) {
        var generator = SeededGenerator(seed: seed)
        let quantizer = SphericalKMeans.train(
            vectors, dimension: dimension, k: listCount, sampleLimit: Self.trainingRows(listCount: listCount),
            iterations: Self.trainingIterations, generator: &generator)
        self.init(vectors: vectors, quantizer: quantizer)
    }

    /// Files every row of `vectors` under the nearest centroid of `quantizer`.
    init(vectors: UnsafeBufferPointer<Float>, quantizer: SphericalKMeans) {
        let dimension = quantizer.dimension
        let rows = vectors.count / dimension
        let labels = quantizer.assign(vectors)
        var starts = [Int](repeating: 0, count: quantizer.count + 1)
        for label in labels { starts[Int(label) + 1] += 1 }
        for list in 0..<quantizer.count { starts[list + 1] += starts[list] }
        var next = starts
        var rowIDs = [Int](repeating: 0, count: rows)
        var scales = [Float](repeating: 0, count: rows)
        var quantized = [Int8](repeating: 0, count: rows * dimension)
        var sorted = [Float](repeating: 0, count: rows * dimension)
        for (row, label) in labels.enumerated() {
            let position = next[Int(label)]
            next[Int(label)] += 1
            rowIDs[position] = row
            let source = UnsafeBufferPointer(rebasing: vectors[(row * dimension)..<((row + 1) * dimension)])
            sorted.withUnsafeMutableBufferPointer { target in
                _ = UnsafeMutableBufferPointer(rebasing: target[(position * dimension)...]).initialize(from: source)
            }
            scales[position] = quantized.withUnsafeMutableBufferPointer { target in
                target.baseAddress.map { Quantizer.quantize(source, into: $0 + position * dimension) } ?? 0
            }
        }
        self.dimension = dimension
        self.quantizer = quantizer
        var quantizedCentroids = [Int8](repeating: 0, count: quantizer.centroids.count)
        centroidScales = quantizer.centroids.withUnsafeBufferPointer { centroids in
            quantizedCentroids.withUnsafeMutableBufferPointer { target in
                (0..<quantizer.count).map { centroid in
                    guard let base = target.baseAddress else { return 0 }
                    return Quantizer.quantize(
                        UnsafeBufferPointer(rebasing: centroids[(centroid * dimension)..<((centroid + 1) * dimension)]),
                        into: base + centroid * dimension)
                }
            }
        }
        self.quantizedCentroids = quantizedCentroids
        self.listStarts = starts
        self.rowIDs = rowIDs
        self.scales = scales
        self.quantized = quantized
        self.vectors = sorted
        self.longestList = zip(starts.dropFirst(), starts).map { $0 - $1 }.max() ?? 0
    }

    /// The `k` rows most similar to `query` (a unit vector) by exact cosine, best first, among
    /// the rows of the `probes` lists nearest to it: the int8 scan of those lists keeps
    /// `candidates` rows, which are rescored with the float rows.
    public func nearest(_ query: [Float], k: Int, probes: Int, candidates: Int) -> [(row: Int, score: Float)] {
        guard count > 0, query.count == dimension, k > 0 else { return [] }
        var quantizedQuery = [Int8](repeating: 0, count: dimension)
        let queryScale = query.withUnsafeBufferPointer { values in
            quantizedQuery.withUnsafeMutableBufferPointer { target in
                target.baseAddress.map { Quantizer.quantize(values, into: $0) } ?? 0
            }
        }
        var best = CandidateHeap(capacity: max(k, candidates))
        var dots = [Int32](repeating: 0, count: longestList)
        quantized.withUnsafeBufferPointer { rows in
            guard let base = rows.baseAddress else { return }
            for list in nearestLists(quantizedQuery, probes: probes) {
                let start = listStarts[list]
                let length = listStarts[list + 1] - start
                semfind_int8_scores(base + start * dimension, quantizedQuery, length, dimension, &dots)
                for offset in 0..<length {
                    let score = Float(dots[offset]) * scales[start + offset] * queryScale
                    if score > best.threshold { best.insert(start + offset, score) }
                }
            }
        }
        var exact = TopScores(capacity: k)
        vectors.withUnsafeBufferPointer { matrix in
            guard let base = matrix.baseAddress else { return }
            for row in best.rows {
                let score = cblas_sdot(Int32(dimension), base + row * dimension, 1, query, 1)
                if exact.admits(score) { exact.insert(row, score) }
            }
        }
        return exact.ranked.map { (rowIDs[$0.row], $0.score) }
    }

    /// The `probes` lists whose centroids are most similar to the (quantized) query, most
    /// similar first.
    func nearestLists(_ quantizedQuery: [Int8], probes: Int) -> [Int] {
        var dots = [Int32](repeating: 0, count: listCount)
        semfind_int8_scores(quantizedCentroids, quantizedQuery, listCount, dimension, &dots)
        var best = TopScores(capacity: max(1, min(probes, listCount)))
        for list in 0..<listCount {
            let score = Float(dots[list]) * centroidScales[list]
            if best.admits(score) { best.insert(list, score) }
        }
        return best.ranked.map(\.row)
    }

    /// The rows of each list, in list order (for checks: together they hold every row once).
    public var lists: [ArraySlice<Int>] {
        (0..<listCount).map { rowIDs[listStarts[$0]..<listStarts[$0 + 1]] }
    }
}
