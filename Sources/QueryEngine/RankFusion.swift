/// One ranking of chunks, best first, with the weight it has in fusion.
struct RankedChunks {
    var chunks: [(chunkID: Int64, fileID: Int64)]
    var weight: Double
}

/// Reciprocal rank fusion at the level of files: each list ranks files by their best chunk,
/// a file gets `weight / (k + rank)` (rank from 1) from each list, and files are ordered by
/// the sum — robust to the lists' scores being on different scales.
///
/// Results are chunks. A file's best chunk takes the file's score; its next chunks take the
/// file's score divided by 2, 3, … — so a strong file shows several passages before a weak
/// file shows one, while files' order (by their best chunk) is the fused file ranking, and a
/// search within one file still lists its passages. A chunk's place within its file is fused
/// the same way from its ranks in the lists.
struct RankFusion {
    var k: Double = 60

    func fuse(_ lists: [RankedChunks]) -> [(chunkID: Int64, fileID: Int64, score: Double)] {
        var fileScores: [Int64: Double] = [:]
        var chunkScores: [Int64: (fileID: Int64, score: Double)] = [:]
        var firstSeen: [Int64: Int] = [:]
        for list in lists where list.weight > 0 {
            var fileRanks: [Int64: Int] = [:]
            for (index, chunk) in list.chunks.enumerated() {
                if fileRanks[chunk.fileID] == nil {
                    fileRanks[chunk.fileID] = fileRanks.count + 1
                    fileScores[chunk.fileID, default: 0] += list.weight / (k + Double(fileRanks.count))
                }
                chunkScores[chunk.chunkID, default: (chunk.fileID, 0)].score += list.weight / (k + Double(index + 1))
                if firstSeen[chunk.chunkID] == nil { firstSeen[chunk.chunkID] = firstSeen.count }
            }
        }
        // Sort keys looked up once per chunk, not once per comparison.
        let ordered = chunkScores.map { chunk in
            (
                chunkID: chunk.key, fileID: chunk.value.fileID, score: chunk.value.score,
                fileScore: fileScores[chunk.value.fileID, default: 0], seen: firstSeen[chunk.key, default: 0]
            )
        }.sorted { left, right in
            if left.fileScore != right.fileScore { return left.fileScore > right.fileScore }
            if left.fileID != right.fileID { return left.fileID < right.fileID }
            if left.score != right.score { return left.score > right.score }
            return left.seen < right.seen
        }
        var depthOfFile: [Int64: Int] = [:]
        let withDepth = ordered.enumerated().map { position, entry in
            let depth = depthOfFile[entry.fileID, default: 0]
            depthOfFile[entry.fileID] = depth + 1
            return (
                depth: depth, position: position, chunkID: entry.chunkID, fileID: entry.fileID,
                shown: entry.fileScore / Double(depth + 1)
            )
        }
        return withDepth.sorted {
            $0.shown != $1.shown ? $0.shown > $1.shown : ($0.depth, $0.position) < ($1.depth, $1.position)
        }.map { ($0.chunkID, $0.fileID, $0.shown) }
    }
}
