import Dispatch
import Foundation
import VectorIndex

/// A search's int8 scan, split into blocks that run on the cores at once: each block is
/// scored, adjusted for its files and cut to its best `limit` rows, and the blocks' bests are
/// merged. Blocks start where files start, so each row's file opening chunk is in its block.
/// The candidates are the ones a single pass gives (`FlatIndex.best` of
/// `FlatIndex.approximateScores`, adjusted), in the same order: between equal scores, the
/// earlier row first.
struct SplitScan {
    let flat: FlatIndex
    let runs: FileRuns
    /// How many blocks (one, for a search that keeps to one thread).
    let blockCount: Int

    /// The `limit` best rows for `query` among the rows whose file `allow` accepts (all rows
    /// when nil).
    func candidates(
        _ query: [Float], limit: Int, allow: (@Sendable (Int64) -> Bool)?, weights: FileWeights
    ) -> [(row: Int, chunkID: Int64, fileID: Int64, score: Float)] {
        guard limit > 0, flat.count > 0 else { return [] }
        let quantized = flat.quantized(query)
        let blocks = self.blocks()
        let bests = BlockBests(count: blocks.count)
        let scanBlock = { @Sendable (number: Int) in
            let rows = blocks[number]
            var scores = [Float](repeating: 0, count: rows.count)
            scores.withUnsafeMutableBufferPointer { buffer in
                if let quantized { flat.approximateScores(quantized, rows: rows, into: buffer) }
                runs.adjust(buffer, rows: rows, weights: weights)
            }
            var best = RankedRows(capacity: limit)
            let fileIDs = flat.snapshot.fileIDs
            for offset in scores.indices where best.admits(scores[offset]) {
                let row = rows.lowerBound + offset
                if let allow, !allow(fileIDs[row]) { continue }
                best.insert(row, scores[offset])
            }
            bests.set(number, best.ranked)
        }
        if blocks.count == 1 {
            scanBlock(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: blocks.count, execute: scanBlock)
        }
        return bests.merged.prefix(limit).map { best in
            (best.row, flat.snapshot.chunkIDs[best.row], flat.snapshot.fileIDs[best.row], best.score)
        }
    }

    /// About `blockCount` ranges of rows, each starting where a file starts.
    private func blocks() -> [Range<Int>] {
        var starts = [0]
        for part in 1..<max(1, blockCount) {
            let start = runs.firstFileStart(atOrAfter: flat.count * part / blockCount)
            if start > starts[starts.count - 1], start < flat.count { starts.append(start) }
        }
        return zip(starts, starts.dropFirst() + [flat.count]).map { $0..<$1 }
    }
}

/// Each block's best rows, set by the thread that scanned it.
///
/// `@unchecked Sendable`: every access holds `lock`.
private final class BlockBests: @unchecked Sendable {
    private let lock = NSLock()
    private var bests: [[(row: Int, score: Float)]]

    init(count: Int) {
        bests = Array(repeating: [], count: count)
    }

    func set(_ block: Int, _ rows: [(row: Int, score: Float)]) {
        lock.withLock { bests[block] = rows }
    }

    /// Every block's rows together, best first.
    var merged: [(row: Int, score: Float)] {
        lock.withLock { bests.joined().sorted(by: RankedRows.isBetter) }
    }
}
