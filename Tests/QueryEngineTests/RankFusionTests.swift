import Testing

@testable import QueryEngine

@Suite struct RankFusionTests {
    @Test("files are ranked by fused file ranks; every file's best chunk comes before any second chunk")
    func fileFirst() {
        let semantic = RankedChunks(chunks: [(1, 10), (2, 10), (3, 20), (4, 30)], weight: 1)
        let keyword = RankedChunks(chunks: [(3, 20), (5, 30), (1, 10)], weight: 1)
        let fused = RankFusion().fuse([semantic, keyword])
        // File 20 is 1st and 2nd, file 10 1st and 3rd, file 30 2nd and 3rd.
        #expect(fused.map(\.fileID) == [20, 10, 30, 10, 30])
        #expect(fused.map(\.chunkID) == [3, 1, 5, 2, 4])
    }

    @Test("a list of weight zero changes nothing")
    func zeroWeight() {
        let semantic = RankedChunks(chunks: [(1, 10), (2, 20)], weight: 1)
        let keyword = RankedChunks(chunks: [(2, 20)], weight: 0)
        #expect(RankFusion().fuse([semantic, keyword]).map(\.chunkID) == [1, 2])
    }
}
