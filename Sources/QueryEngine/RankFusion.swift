/// One ranking of chunks, best first, with the weight it has in fusion.
struct RankedChunks {
    var chunks: [(chunkID: Int64, fileID: Int64)]
    var weight: Double
}

/// Reciprocal rank fusion at the level of files: each list ranks files by their best chunk,
/// a file gets `weight / (k + rank)` (rank from 1) from each list, and files are ordered by
/// the sum — robust to the lists' scores being on different scales.
///
/// Results are chunks: first the best chunk of every file in file order, then the second-best
/// of each, and so on, so that the first results show as many files as there are and a search
/// within one file still lists its passages. A chunk's place within its file is fused the same
/// way from its ranks in the lists.
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
        let ordered = chunkScores.sorted { left, right in
            let leftFile = fileScores[left.value.fileID, default: 0]
            let rightFile = fileScores[right.value.fileID, default: 0]
            if leftFile != rightFile { return leftFile > rightFile }
            if left.value.fileID != right.value.fileID { return left.value.fileID < right.value.fileID }
            if left.value.score != right.value.score { return left.value.score > right.value.score }
            return firstSeen[left.key, default: 0] < firstSeen[right.key, default: 0]
        }
        var depthOfFile: [Int64: Int] = [:]
        let withDepth = ordered.enumerated().map { position, entry in
            let depth = depthOfFile[entry.value.fileID, default: 0]
            depthOfFile[entry.value.fileID] = depth + 1
            return (depth: depth, position: position, chunkID: entry.key, fileID: entry.value.fileID)
        }
        return withDepth.sorted { ($0.depth, $0.position) < ($1.depth, $1.position) }.map {
            ($0.chunkID, $0.fileID, fileScores[$0.fileID, default: 0])
        }
    }
}
