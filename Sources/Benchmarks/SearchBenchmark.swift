import CBLAS
import Foundation
import VectorIndex

/// Builds each index kind over a workload's base rows, times its queries one by one on one
/// thread, and measures recall@10 against exact float32 search.
public struct SearchBenchmark {
    public let workload: BenchWorkload
    /// The stored form the flat and IVF indexes rescore with.
    public let precision: VectorPrecision
    public let candidates: Int
    public let threads: Int
    public let k = 10

    public init(workload: BenchWorkload, precision: VectorPrecision, candidates: Int, threads: Int) {
        self.workload = workload
        self.precision = precision
        self.candidates = candidates
        self.threads = threads
    }

    /// One row per index kind: `flat-f32` (exact float scan), `flat-int8` (int8 scan and
    /// rescoring with the stored rows: semfind's search), `flat-int8-raw` (the int8 scan alone)
    /// and `ivf`.
    public func run() throws -> [SearchBenchRow] {
        let dimension = workload.dimension
        let rows = workload.baseCount
        openblas_set_num_threads(Int32(threads))
        let truth = workload.base.withUnsafeBufferPointer {
            ExactNeighbors.search(workload.queries, in: $0, dimension: dimension, k: k)
        }
        let flatClock = Clock()
        let snapshot = try VectorSnapshot.build(
            count: rows, dimension: dimension, generation: 0, precision: precision
        ) {
            chunkIDs, fileIDs, matrix in
            for row in 0..<rows {
                chunkIDs[row] = Int64(row)
                fileIDs[row] = Int64(row)
            }
            _ = matrix.initialize(from: workload.base)
            return rows
        }
        let flat = FlatIndex(snapshot: snapshot)
        let flatSeconds = flatClock.seconds
        let listCount = IVFIndex.listCount(rows: rows)
        let ivfClock = Clock()
        let ivf = try IVFIndex(training: snapshot, listCount: listCount, generation: 0)
        let trainSeconds = ivfClock.seconds
        let probeClock = Clock()
        let choice = ivf.chooseProbes(candidates: candidates)
        let probeSeconds = probeClock.seconds

        openblas_set_num_threads(1)
        let float32Bytes = 4 * dimension
        let rescoringBytes = precision.storedBytes(dimension: dimension) - (precision == .int8 ? 4 + dimension : 0)
        let snapshotBytes = Double(64 + rows * (16 + 4 + dimension + rescoringBytes)) / Double(rows)
        func measure(
            _ kind: String, _ search: ([Float]) -> [Int], buildSeconds: Double, bytesPerVector: Double,
            scannedBytesPerVector: Int
        ) -> SearchBenchRow {
            let measured = timed(search, truth: truth)
            return SearchBenchRow(
                kind: kind, vectors: rows, dimension: dimension, queries: workload.queryCount, k: k,
                buildThreads: threads, data: workload.source, precision: precision.rawValue,
                recallAt10: measured.recall, queriesPerSecond: measured.queriesPerSecond, msPerQueryP50: measured.p50,
                buildSeconds: buildSeconds, bytesPerVector: bytesPerVector, scannedBytesPerVector: scannedBytesPerVector
            )
        }
        let base = workload.base
        let exact = measure(
            "flat-f32",
            { query in
                base.withUnsafeBufferPointer { ExactNeighbors.search(query, in: $0, dimension: dimension, k: 10)[0] }
            }, buildSeconds: 0, bytesPerVector: Double(float32Bytes), scannedBytesPerVector: float32Bytes)
        var int8 = measure(
            "flat-int8", { flat.nearest($0, k: k, candidates: candidates).map(\.row) }, buildSeconds: flatSeconds,
            bytesPerVector: snapshotBytes, scannedBytesPerVector: dimension + 4)
        int8.candidates = candidates
        let raw = measure(
            "flat-int8-raw", { flat.best(flat.approximateScores($0), limit: k).map(\.row) }, buildSeconds: flatSeconds,
            bytesPerVector: snapshotBytes, scannedBytesPerVector: dimension + 4)
        // The list-ordered snapshot adds each row's place in chunk id order, and per list its start and centroid.
        let ivfBytes = snapshotBytes + 4 + Double(listCount * (8 + dimension * 4)) / Double(rows)
        var lists = measure(
            "ivf", { ivf.nearest($0, k: k, probes: choice.probes, candidates: candidates).map(\.row) },
            buildSeconds: trainSeconds + probeSeconds, bytesPerVector: ivfBytes, scannedBytesPerVector: dimension + 4)
        lists.candidates = candidates
        lists.trainSeconds = trainSeconds
        lists.probeChoiceSeconds = probeSeconds
        lists.nlist = listCount
        lists.nprobe = choice.probes
        lists.probeRecall = choice.recall
        lists.probeQueries = choice.queries
        lists.trainVectors = min(rows, IVFIndex.trainingRows(listCount: listCount))
        lists.iterations = IVFIndex.trainingIterations
        return [exact, int8, raw, lists]
    }

    /// Runs every query once to warm up, then once more timed, one at a time.
    private func timed(_ search: ([Float]) -> [Int], truth: [[Int]]) -> (
        recall: Double, queriesPerSecond: Double, p50: Double
    ) {
        let queries = (0..<workload.queryCount).map(workload.query)
        for query in queries.prefix(10) { _ = search(query) }
        var found: [[Int]] = []
        var milliseconds: [Double] = []
        for query in queries {
            let clock = Clock()
            found.append(search(query))
            milliseconds.append(clock.seconds * 1000)
        }
        let total = milliseconds.reduce(0, +)
        return (
            ExactNeighbors.recall(found, truth: truth, k: k), 1000 * Double(queries.count) / total,
            milliseconds.sorted()[milliseconds.count / 2]
        )
    }
}

/// Seconds since it was made.
private struct Clock {
    let start = DispatchTime.now().uptimeNanoseconds
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
