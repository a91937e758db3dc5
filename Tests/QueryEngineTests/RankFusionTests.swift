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
