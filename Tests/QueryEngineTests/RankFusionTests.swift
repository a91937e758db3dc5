import Testing

@testable import QueryEngine

@Suite struct RankFusionTests {
    @Test("files are ranked by fused file ranks; a file's second chunk counts half its file's score")
    func fileFirst() {
        let semantic = RankedChunks(chunks: [(1, 10), (2, 10), (3, 20), (4, 30)], weight: 1)
        let keyword = RankedChunks(chunks: [(3, 20), (5, 30), (1, 10)], weight: 1)
        let fused = RankFusion().fuse([semantic, keyword])
        // File 20 is 1st and 2nd, file 10 1st and 3rd, file 30 2nd and 3rd: close scores, so
        // every file's best chunk comes before any second chunk.
        #expect(fused.map(\.fileID) == [20, 10, 30, 10, 30])
        #expect(fused.map(\.chunkID) == [3, 1, 5, 2, 4])
        // One dominant file shows its second passage before a weak file's first.
        let strong = RankedChunks(chunks: [(1, 10), (2, 10)] + (3...12).map { (Int64($0), Int64($0 * 10)) }, weight: 1)
        let order = RankFusion(k: 5).fuse([strong, RankedChunks(chunks: [(1, 10), (2, 10)], weight: 1)]).map(\.chunkID)
        #expect(order.firstIndex(of: 2)! < order.firstIndex(of: 4)!)
    }

    @Test("a list of weight zero changes nothing")
    func zeroWeight() {
        let semantic = RankedChunks(chunks: [(1, 10), (2, 20)], weight: 1)
        let keyword = RankedChunks(chunks: [(2, 20)], weight: 0)
        #expect(RankFusion().fuse([semantic, keyword]).map(\.chunkID) == [1, 2])
    }
}

@Suite struct PassageFusionTests {
    /// File 10 leads both file rankings; its answer passage (chunk 3) is its third by meaning
    /// but the first passage of all by its own similarity order.
    let semanticByFile = RankedChunks(
        chunks: [(1, 10), (2, 10), (3, 10), (4, 20), (5, 30)],
        passages: [(3, 10), (4, 20), (5, 30), (1, 10), (2, 10)], weight: 1)

    @Test("by default a file's passages follow its best one at half, a third, … of its score")
    func fileFirstByDefault() {
        let order = RankFusion(k: 5).fuse([semanticByFile]).map(\.chunkID)
        #expect(order.first == 3)
        #expect(order.firstIndex(of: 4)! < order.firstIndex(of: 1)!)
    }

    @Test("a passage weight ranks a strong passage of a weaker file above a strong file's weak passages")
    func passageWeightLiftsPassages() {
        let together = RankFusion(k: 5, passageWeight: 0, fileDecay: 0).fuse([semanticByFile])
        // Without decay or passage evidence every chunk of file 10 outranks file 20's.
        #expect(together.prefix(3).allSatisfy { $0.fileID == 10 })
        let order = RankFusion(k: 5, passageWeight: 4, fileDecay: 0).fuse([semanticByFile]).map(\.chunkID)
        #expect(order.first == 3)
        #expect(order.firstIndex(of: 4)! < order.firstIndex(of: 1)!)
        #expect(order.firstIndex(of: 4)! < order.firstIndex(of: 2)!)
    }

    @Test("coverage ranks files by how many of their chunks match, best chunk standing for the file")
    func coverage() {
        let passages: [(chunkID: Int64, fileID: Int64)] = [(1, 10), (2, 20), (3, 20), (4, 20), (5, 10)]
        let list = RankedChunks.coverage(of: passages, k: 5, weight: 0.5)
        #expect(list.chunks.map(\.fileID) == [20, 10])
        #expect(list.chunks.map(\.chunkID) == [2, 1])
        #expect(list.passages.isEmpty)
        #expect(list.weight == 0.5)
    }
}
