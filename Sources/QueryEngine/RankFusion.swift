import Foundation

/// One ranking of chunks with the weight it has in fusion: `chunks` in the order that ranks
/// files (each file by its best chunk there), `passages` in the order that ranks the chunks
/// themselves (the same order unless given: semantic ranking orders files by similarity adjusted
/// for the file, passages by their own similarity).
struct RankedChunks {
    var chunks: [(chunkID: Int64, fileID: Int64)]
    var passages: [(chunkID: Int64, fileID: Int64)]
    var weight: Double

    init(
        chunks: [(chunkID: Int64, fileID: Int64)], passages: [(chunkID: Int64, fileID: Int64)]? = nil,
        weight: Double
    ) {
        self.chunks = chunks
        self.passages = passages ?? chunks
        self.weight = weight
    }
}

/// Reciprocal rank fusion of files and of passages: each list gives a file `weight / (k +
/// rank)` by the rank of its best chunk among files, and a chunk `weight / (k + rank)` by its
/// own rank among passages; a file's evidence and a passage's are the sums over the lists —
/// robust to the lists' scores being on different scales.
///
/// A chunk's score is its file's evidence, divided by `(1 + depth) ^ fileDecay` where depth is
/// the chunk's place among its file's chunks (0 for the best), plus `passageWeight` times its
/// own evidence. With `passageWeight` 0 and `fileDecay` 1, files are ranked by their best chunk
/// and a file's next chunks take half, a third, … of its score: a strong file shows several
/// passages before a weak file shows one. A passage weight lets the right passage of a long
/// page rise above its file's other chunks and over weaker files' first ones; a smaller decay
/// keeps a strong file's passages together.
struct RankFusion {
    var k: Double = 60
    var passageWeight: Double = 0
    var fileDecay: Double = 1

    func fuse(_ lists: [RankedChunks]) -> [(chunkID: Int64, fileID: Int64, score: Double)] {
        var fileScores: [Int64: Double] = [:]
        var chunkScores: [Int64: (fileID: Int64, score: Double)] = [:]
        var firstSeen: [Int64: Int] = [:]
        for list in lists where list.weight > 0 {
            var fileRanks: [Int64: Int] = [:]
            for chunk in list.chunks where fileRanks[chunk.fileID] == nil {
                fileRanks[chunk.fileID] = fileRanks.count + 1
                fileScores[chunk.fileID, default: 0] += list.weight / (k + Double(fileRanks.count))
            }
            for (index, chunk) in list.passages.enumerated() {
                chunkScores[chunk.chunkID, default: (chunk.fileID, 0)].score += list.weight / (k + Double(index + 1))
                if firstSeen[chunk.chunkID] == nil { firstSeen[chunk.chunkID] = firstSeen.count }
            }
        }
        // Each file's chunks, best first by their own evidence, give each chunk its depth.
        let ordered = chunkScores.map { chunk in
            (chunkID: chunk.key, fileID: chunk.value.fileID, score: chunk.value.score, seen: firstSeen[chunk.key] ?? 0)
        }.sorted { left, right in
            if left.fileID != right.fileID { return left.fileID < right.fileID }
            if left.score != right.score { return left.score > right.score }
            return left.seen < right.seen
        }
        var depthOfFile: [Int64: Int] = [:]
        let scored = ordered.map { entry in
            let depth = depthOfFile[entry.fileID, default: 0]
            depthOfFile[entry.fileID] = depth + 1
            let file = fileScores[entry.fileID, default: 0] / pow(Double(depth + 1), fileDecay)
            return (
                depth: depth, seen: entry.seen, chunkID: entry.chunkID, fileID: entry.fileID,
                shown: file + passageWeight * entry.score
            )
        }
        return scored.sorted {
            $0.shown != $1.shown ? $0.shown > $1.shown : ($0.depth, $0.seen) < ($1.depth, $1.seen)
        }.map { ($0.chunkID, $0.fileID, $0.shown) }
    }
}

extension RankedChunks {
    /// Files ranked by how much of them matches: each file scores the sum of `1 / (k + rank)`
    /// over its chunks among `passages` (so several good passages beat one), and is represented
    /// by its best chunk. The list ranks files only; it gives passages no evidence of their own.
    static func coverage(of passages: [(chunkID: Int64, fileID: Int64)], k: Double, weight: Double) -> RankedChunks {
        var sums: [Int64: (best: Int64, sum: Double, first: Int)] = [:]
        for (index, passage) in passages.enumerated() {
            sums[passage.fileID, default: (passage.chunkID, 0, index)].sum += 1 / (k + Double(index + 1))
        }
        let files = sums.sorted {
            $0.value.sum != $1.value.sum ? $0.value.sum > $1.value.sum : $0.value.first < $1.value.first
        }
        return RankedChunks(chunks: files.map { ($0.value.best, $0.key) }, passages: [], weight: weight)
    }
}
