import Foundation
import IndexStorage

extension SearchEngine {
    /// Ranks a query's evidence as `policy` says and dresses the best as results: the relevance
    /// floor, each file's share and files deleted since indexing decide which are shown.
    /// `hits` reads the stored chunks, `staleness` tells whether a chunk's file changed since
    /// it was indexed (nil: it is gone).
    func answer(
        _ request: SearchRequest, from evidence: Evidence, hits: ([Int64]) throws -> [StoredHit],
        staleness: (StoredHit) -> Bool? = SearchEngine.staleness
    ) throws -> SearchResponse {
        var response = evidence.response
        var clock = evidence.clock
        let terms = evidence.terms
        let pool = max(policy.candidates, request.limit)
        let semantic = Array(evidence.semantic.sorted { $0.adjusted > $1.adjusted }.prefix(pool))
        let semanticPassages = evidence.semantic.sorted { $0.similarity > $1.similarity }.prefix(pool)
        let keyword = evidence.keyword
        let weights: (semantic: Double, keyword: Double) =
            switch request.mode {
            case .semantic: (1, 0)
            case .keyword: (0, 1)
            case .hybrid: (1, evidence.leansOnKeywords ? policy.shortQueryKeywordWeight : policy.keywordWeight)
            }
        let fusion = RankFusion(k: policy.fusionK, passageWeight: policy.passageWeight, fileDecay: policy.fileDecay)
        let ranked = fusion.fuse([
            RankedChunks(
                chunks: semantic.map { ($0.chunkID, $0.fileID) },
                passages: semanticPassages.map { ($0.chunkID, $0.fileID) }, weight: weights.semantic),
            RankedChunks(chunks: keyword.map { ($0.chunkID, $0.fileID) }, weight: weights.keyword),
            .coverage(
                of: semanticPassages.map { ($0.chunkID, $0.fileID) }, k: policy.fusionK,
                weight: weights.semantic * policy.coverageWeight),
        ])
        let keywordRanks = Dictionary(
            keyword.enumerated().map { ($0.element.chunkID, (rank: $0.offset + 1, score: $0.element.score)) },
            uniquingKeysWith: { first, _ in first })
        let exactSimilarities = evidence.exact
        func similarity(_ id: Int64) -> Double? {
            exactSimilarities?.of(chunk: id).map(Double.init)
        }
        func score(_ candidate: (chunkID: Int64, fileID: Int64, score: Double)) -> Double {
            switch request.mode {
            case .semantic: similarity(candidate.chunkID) ?? 0
            case .keyword: keywordRanks[candidate.chunkID]?.score ?? 0
            case .hybrid: candidate.score
            }
        }
        // The index's floor, raised for this query to `floorGap` below its best similarity.
        let bestSimilarity = evidence.semantic.map { Double($0.similarity) }.max()
        let floor = try appliedFloor(request).map { indexFloor in
            max(indexFloor, (bestSimilarity ?? indexFloor) - policy.floorGap)
        }
        response.relevanceFloor = floor
        func belowFloor(_ id: Int64) -> Bool {
            guard let floor else { return false }
            return similarity(id) ?? -1 < floor
        }
        let kept = ranked.filter { candidate in
            if let minimum = request.minScore {
                let value = request.mode == .keyword ? score(candidate) : similarity(candidate.chunkID) ?? -1
                return value >= minimum
            }
            guard keywordRanks[candidate.chunkID] == nil, belowFloor(candidate.chunkID) else { return true }
            response.belowFloor += 1
            return false
        }
        var keywordEvidence: KeywordEvidence?
        if floor != nil {
            let known = try counts.lookUp(terms.words, in: store)
            keywordEvidence = KeywordEvidence(
                terms: terms, frequencies: known.frequencies, chunkCount: known.chunkCount)
        }
        let semanticIDs = Set(semantic.map(\.chunkID))
        // Scores only for the results shown: a keyword-only candidate's similarity costs a dot product.
        let candidates = Dictionary(kept.map { ($0.chunkID, $0) }, uniquingKeysWith: { first, _ in first })
        var passagesOfFile: [String: Int] = [:]
        // Hits are read a batch at a time: files deleted since indexing, passages below the
        // floor without a strong keyword match and passages past a file's share drop out, and
        // the next batch fills their places.
        var next = 0
        while response.results.count < request.limit, next < kept.count {
            let batch = kept[next..<min(next + request.limit + 20, kept.count)].map(\.chunkID)
            next += batch.count
            for hit in try hits(batch) {
                guard response.results.count < request.limit else { break }
                let below = belowFloor(hit.chunkID)
                if below, let keywordEvidence,
                    !evidence.strongKeywordMatches.value(for: hit.chunkID, { keywordEvidence.isStrong(in: hit.text) })
                {
                    response.belowFloor += 1
                    continue
                }
                if let most = request.maxPerFile, passagesOfFile[hit.path, default: 0] >= most { continue }
                guard let stale = staleness(hit) else {
                    response.vanished += 1
                    continue
                }
                passagesOfFile[hit.path, default: 0] += 1
                let keywordRank = keywordRanks[hit.chunkID]?.rank
                response.results.append(
                    SearchResult(
                        hit: hit, score: candidates[hit.chunkID].map(score) ?? 0, similarity: similarity(hit.chunkID),
                        keywordRank: keywordRank,
                        byKeywordsAlone: request.mode == .hybrid && keywordRank != nil
                            && (below || !semanticIDs.contains(hit.chunkID)),
                        terms: terms, stale: stale))
            }
        }
        response.lap("results", since: &clock)
        if response.lowConfidence {
            response.warnings.append(
                "low confidence: nothing matches clearly better than the rest; try more specific words")
        }
        return response
    }
}
