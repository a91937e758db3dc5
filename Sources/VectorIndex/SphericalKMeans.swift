import CBLAS
import CKernels
import SemfindCore

/// k-means for unit vectors by cosine similarity ("spherical"): each row belongs to the centroid
/// with the largest dot product, and each centroid is the normalized mean of its rows.
///
/// Training looks at a random sample only, seeds with k-means++ on a smaller pool of it, and
/// runs a bounded number of Lloyd rounds; the assignment step is one matrix product per block
/// of rows (`cblas_sgemm`).
package struct SphericalKMeans: Sendable {
    package let dimension: Int
    /// `count` rows of `dimension`, each of unit length.
    package let centroids: [Float]
    package var count: Int { centroids.count / dimension }

    /// Rows of the matrix product computed at a time while assigning (rows × count scores).
    private static let block = 1024

    package init(dimension: Int, centroids: [Float]) {
        self.dimension = dimension
        self.centroids = centroids
    }

    /// Trains `k` centroids (at most the number of rows) on at most `sampleLimit` rows of
    /// `vectors`, with at most `iterations` Lloyd rounds; stops early once fewer than 0.1% of
    /// the sampled rows change centroid in a round.
    package static func train(
        _ vectors: some FloatRows, k: Int, sampleLimit: Int, iterations: Int, generator: inout SeededGenerator
    ) -> SphericalKMeans {
        let sample = randomRows(vectors, limit: max(k, sampleLimit), generator: &generator)
        return sample.withUnsafeBufferPointer {
            train(
                sample: FloatMatrix($0, dimension: vectors.dimension), k: k, iterations: iterations,
                generator: &generator)
        }
    }

    /// Trains `k` centroids on `sample`, rows already in random order (its first rows seed the
    /// centroids), read a block at a time.
    package static func train(
        sample: some FloatRows, k: Int, iterations: Int, generator: inout SeededGenerator
    ) -> SphericalKMeans {
        let dimension = sample.dimension
        let sampleCount = sample.rowCount
        let k = max(1, min(k, sampleCount))
        var model = SphericalKMeans(
            dimension: dimension, centroids: seeds(sample, k: k, pool: max(4 * k, 1000), generator: &generator))
        var labels = [Int32](repeating: -1, count: sampleCount)
        for _ in 0..<iterations {
            let next = model.assign(sample)
            let changed = zip(labels, next).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
            labels = next
            model = model.updated(sample, labels: labels, generator: &generator)
            if changed * 1000 < sampleCount { break }
        }
        return model
    }

    /// The nearest centroid of each row of `vectors`.
    package func assign(_ vectors: some FloatRows) -> [Int32] {
        var labels = [Int32](repeating: 0, count: vectors.rowCount)
        guard vectors.rowCount > 0, count > 0 else { return labels }
        var scores = [Float](repeating: 0, count: Self.block * count)
        semfind_blas_lock()
        defer { semfind_blas_unlock() }
        vectors.forEachBlock(rows: Self.block) { first, values in
            guard let base = values.baseAddress else { return }
            let height = values.count / dimension
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(height), Int32(count), Int32(dimension), 1,
                base, Int32(dimension), centroids, Int32(dimension), 0, &scores, Int32(count))
            for row in 0..<height {
                var best = 0
                var bestScore = -Float.infinity
                for centroid in 0..<count where scores[row * count + centroid] > bestScore {
                    bestScore = scores[row * count + centroid]
                    best = centroid
                }
                labels[first + row] = Int32(best)
            }
        }
        return labels
    }

    /// The normalized means of each centroid's rows. A centroid left without rows restarts at a
    /// random row of the largest cluster, which the next round splits.
    private func updated(
        _ sample: some FloatRows, labels: [Int32], generator: inout SeededGenerator
    ) -> SphericalKMeans {
        var sums = [Float](repeating: 0, count: centroids.count)
        var sizes = [Int](repeating: 0, count: count)
        sample.forEachBlock(rows: Self.block) { first, values in
            for offset in 0..<(values.count / dimension) {
                let label = Int(labels[first + offset])
                let target = label * dimension
                let source = offset * dimension
                for index in 0..<dimension { sums[target + index] += values[source + index] }
                sizes[label] += 1
            }
        }
        let largest = sizes.indices.max { sizes[$0] < sizes[$1] } ?? 0
        let members = labels.indices.filter { labels[$0] == Int32(largest) }
        for centroid in 0..<count {
            let target = centroid * dimension
            if sizes[centroid] == 0, let row = members.randomElement(using: &generator) {
                sums.withUnsafeMutableBufferPointer { values in
                    if let base = values.baseAddress { sample.decode(row: row, into: base + target) }
                }
            }
            Self.normalize(&sums, from: target, dimension: dimension)
        }
        return SphericalKMeans(dimension: dimension, centroids: sums)
    }

    /// Up to `limit` distinct rows of `vectors` in random order, copied into one matrix.
    private static func randomRows(
        _ vectors: some FloatRows, limit: Int, generator: inout SeededGenerator
    ) -> [Float] {
        let rows = vectors.rowCount
        let dimension = vectors.dimension
        var order = Array(0..<rows)
        let taken = min(rows, limit)
        for position in 0..<taken {
            order.swapAt(position, Int.random(in: position..<rows, using: &generator))
        }
        return [Float](unsafeUninitializedCapacity: taken * dimension) { sample, initialized in
            if let base = sample.baseAddress {
                for (position, row) in order.prefix(taken).enumerated() {
                    vectors.decode(row: row, into: base + position * dimension)
                }
            }
            initialized = taken * dimension
        }
    }

    /// k-means++ seeds: each next seed is drawn with probability proportional to its squared
    /// distance from the nearest seed so far (1 − cosine for unit vectors, half the squared
    /// Euclidean distance), among the first `pool` rows of the (randomly ordered) sample.
    private static func seeds(
        _ rows: some FloatRows, k: Int, pool: Int, generator: inout SeededGenerator
    ) -> [Float] {
        let dimension = rows.dimension
        let candidates = min(rows.rowCount, max(pool, k))
        let sample = [Float](unsafeUninitializedCapacity: candidates * dimension) { values, initialized in
            if let base = values.baseAddress {
                for row in 0..<candidates { rows.decode(row: row, into: base + row * dimension) }
            }
            initialized = candidates * dimension
        }
        var seeds = [Float]()
        seeds.reserveCapacity(k * dimension)
        var distances = [Float](repeating: .infinity, count: candidates)
        var dots = [Float](repeating: 0, count: candidates)
        var chosen = 0
        semfind_blas_lock()
        defer { semfind_blas_unlock() }
        for seed in 0..<k {
            if seed > 0 {
                let total = distances.reduce(Float(0), +)
                chosen = seed
                if total > 0 {
                    var remaining = Float.random(in: 0..<total, using: &generator)
                    for (row, distance) in distances.enumerated() where distance > 0 {
                        chosen = row
                        remaining -= distance
                        if remaining < 0 { break }
                    }
                }
            }
            let start = chosen * dimension
            seeds.append(contentsOf: sample[start..<(start + dimension)])
            cblas_sgemv(
                CblasRowMajor, CblasNoTrans, Int32(candidates), Int32(dimension), 1, sample, Int32(dimension),
                Array(sample[start..<(start + dimension)]), 1, 0, &dots, 1)
            for row in 0..<candidates { distances[row] = min(distances[row], max(0, 1 - dots[row])) }
        }
        return seeds
    }

    /// Scales `dimension` values from `start` to unit length (leaves a zero vector alone).
    static func normalize(_ values: inout [Float], from start: Int, dimension: Int) {
        var norm: Float = 0
        for index in start..<(start + dimension) { norm += values[index] * values[index] }
        guard norm > 0 else { return }
        let scale = 1 / norm.squareRoot()
        for index in start..<(start + dimension) { values[index] *= scale }
    }
}
