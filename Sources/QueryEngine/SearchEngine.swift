import Foundation
import SemfindCore
import TextEncoder
import VectorStore

/// Answers searches over one index: reads the query (the short-query policy), ranks chunks by
/// meaning, by keywords or both, and dresses the best ones as results.
///
/// The encoder and the vectors are loaded on first use, so keyword searches need neither.
public final class SearchEngine {
    public let store: IndexStore
    public var policy: QueryPolicy
    /// How many blocks the int8 scan is split into, scanned on the cores at once (`SplitScan`):
    /// 1 keeps the scan on the search's thread (a one-shot process); a long-lived server, whose
    /// thread pool is warm, gives more.
    public var scanBlocks = 1
    private let loadEncoder: () throws -> SentenceEncoder
    private var loadedEncoder: SentenceEncoder?
    private var loadedIndex: (any SemanticIndex)?
    /// The second connection, kept from one search's prefetch thread for the next.
    private var prefetchStore: IndexStore?
    /// Word and chunk counts of the index, kept while its generation lasts.
    private let counts = IndexCounts()

    public init(store: IndexStore, policy: QueryPolicy = QueryPolicy(), encoder: @escaping () throws -> SentenceEncoder)
    {
        self.store = store
        self.policy = policy
        self.loadEncoder = encoder
    }

    public func encoder() throws -> SentenceEncoder {
        if let loadedEncoder { return loadedEncoder }
        let encoder = try loadEncoder()
        try store.bindModel(
            fingerprint: encoder.fingerprint, signature: encoder.fileSignature(), name: encoder.name,
            dimension: encoder.dimension)
        loadedEncoder = encoder
        return encoder
    }

    func index() throws -> any SemanticIndex {
        if let loadedIndex { return loadedIndex }
        let index = try SemanticIndexLoader.load(store: store)
        loadedIndex = index
        return index
    }

    /// Forgets the loaded vectors when the index changed since they were loaded, or when they
    /// are an IVF index read list by list while its snapshot was missing (a long-lived engine, as
    /// `semfind serve` keeps, calls this before each search).
    public func reloadIfChanged() throws {
        if let loadedIndex,
            try loadedIndex is StaleListSearch || loadedIndex is DistrustedSnapshotSearch
                || store.generation() != loadedIndex.generation
        {
            self.loadedIndex = nil
        }
    }

    public func search(_ request: SearchRequest) throws -> SearchResponse {
        var response = SearchResponse()
        var clock = DispatchTime.now().uptimeNanoseconds
        let terms = QueryTerms(request.query)
        let allowed = try allowedFiles(request.filter)
        let pool = max(policy.candidates, request.limit)

        let policy = policy
        let counts = counts
        var keywordWork: (@Sendable (IndexStore) throws -> Prefetch.KeywordMatches)?
        if request.mode != .semantic {
            keywordWork = { store in
                try Self.keywordSearch(
                    terms, allowed: allowed, limit: pool, policy: policy, store: store, counts: counts)
            }
        }
        let prefetch = Prefetch(
            indexPath: store.path, store: prefetchStore, loadIndex: request.mode != .keyword && loadedIndex == nil,
            keywordSearch: keywordWork)
        prefetchStore = nil
        var semantic: [(chunkID: Int64, fileID: Int64, score: Float)] = []
        var exactSimilarities: ExactSimilarities?
        var keywordWeight = policy.keywordWeight
        if request.mode != .keyword {
            let encoder = try encoder()
            response.lap("model", since: &clock)
            let pieces = encoder.tokenizer.pieces(request.query).count
            response.pieces = pieces
            let short = pieces < policy.minimumPieces
            var vector = encoder.encode([request.query])[0]
            if short, let context = request.context, !context.text.isEmpty {
                let way: ContextBlend =
                    switch context {
                    case .given: policy.givenContextBlend
                    case .session: policy.sessionBlend
                    }
                vector = blend(request.query, vector, with: context.text, way: way, encoder: encoder)
                response.augmentation = QueryAugmentation(source: context.source, text: context.text)
            } else if short {
                keywordWeight = policy.shortQueryKeywordWeight
                let lean = request.mode == .hybrid ? "results lean on keyword matches" : "results may be vague"
                response.warnings.append(
                    "short query (\(pieces) word piece\(pieces == 1 ? "" : "s")): \(lean); add words or give --context")
            }
            response.lap("encode", since: &clock)
            if let fetched = try prefetch.waitForIndex() { loadedIndex = fetched }
            let index = try index()
            if let distrusted = index as? DistrustedSnapshotSearch { response.warnings.append(distrusted.notice) }
            response.lap("vectors", since: &clock)
            // Candidates from the int8 scan (of every row, or of the probed lists), then the
            // exact similarities of those (and of their files' opening chunks) decide.
            let allow = allowed.map { set in { @Sendable (fileID: Int64) in set.contains(fileID) } }
            let scanLimit = policy.exactScan ? max(2 * pool, try store.chunkCount()) : 2 * pool
            let scanned = try index.scan(
                vector, limit: scanLimit, allow: allow, policy: policy, store: store, blocks: scanBlocks)
            let candidates = scanned.candidates
            response.lap("scan", since: &clock)
            let exact = scanned.exact ?? ExactSimilarities(flat: scanned.flat, query: vector)
            exactSimilarities = exact
            semantic = candidates.map { candidate in
                let score = scanned.runs.adjusted(
                    row: candidate.row, similarity: exact.of, openingWeight: policy.openingWeight,
                    lengthPenalty: policy.lengthPenalty)
                return (candidate.chunkID, candidate.fileID, score)
            }.sorted { $0.2 > $1.2 }.prefix(pool).map { $0 }
            response.lowConfidence = isFlat(candidates.map { exact.of($0.row) }.sorted(by: >).prefix(10).map { $0 })
            response.lap("rescore", since: &clock)
        }
        let fetched = try prefetch.wait()
        prefetchStore = fetched.store
        let keyword = fetched.keyword
        response.lap("keyword", since: &clock)

        let weights: (semantic: Double, keyword: Double) =
            switch request.mode {
            case .semantic: (1, 0)
            case .keyword: (0, 1)
            case .hybrid: (1, keywordWeight)
            }
        let ranked = RankFusion(k: policy.fusionK).fuse([
            RankedChunks(chunks: semantic.map { ($0.chunkID, $0.fileID) }, weight: weights.semantic),
            RankedChunks(chunks: keyword.map { ($0.chunkID, $0.fileID) }, weight: weights.keyword),
        ])
        let keywordRanks = Dictionary(
            keyword.enumerated().map { ($0.element.chunkID, (rank: $0.offset + 1, score: $0.element.score)) },
            uniquingKeysWith: { first, _ in first })
        func similarity(_ id: Int64) -> Double? {
            guard let exact = exactSimilarities, let row = exact.flat.row(of: id) else { return nil }
            return Double(exact.of(row))
        }
        func score(_ candidate: (chunkID: Int64, fileID: Int64, score: Double)) -> Double {
            switch request.mode {
            case .semantic: similarity(candidate.chunkID) ?? 0
            case .keyword: keywordRanks[candidate.chunkID]?.score ?? 0
            case .hybrid: candidate.score
            }
        }
        let floor = try appliedFloor(request)
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
        var evidence: KeywordEvidence?
        if floor != nil {
            let known = try counts.lookUp(terms.words, in: store)
            evidence = KeywordEvidence(terms: terms, frequencies: known.frequencies, chunkCount: known.chunkCount)
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
            for hit in try store.hits(batch) {
                guard response.results.count < request.limit else { break }
                let below = belowFloor(hit.chunkID)
                if below, let evidence, !evidence.isStrong(in: hit.text) {
                    response.belowFloor += 1
                    continue
                }
                if let most = request.maxPerFile, passagesOfFile[hit.path, default: 0] >= most { continue }
                guard let stale = Self.staleness(of: hit) else {
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
                        snippet: Snippet(chunk: hit.text, terms: terms), stale: stale))
            }
        }
        response.lap("results", since: &clock)
        if response.lowConfidence {
            response.warnings.append(
                "low confidence: nothing matches clearly better than the rest; try more specific words")
        }
        return response
    }

    /// The index's relevance floor when it applies to `request`: not with `--min-score` (which
    /// replaces it), not in keyword mode (nothing there is ranked by similarity), not when asked
    /// to show everything, and not on an index where it was never measured.
    private func appliedFloor(_ request: SearchRequest) throws -> Double? {
        guard request.appliesFloor, request.minScore == nil, request.mode != .keyword else { return nil }
        return try store.relevanceFloor()?.similarity
    }

    /// The ids of the files a filter lets through, or nil when it lets everything through.
    private func allowedFiles(_ filter: SearchFilter) throws -> Set<Int64>? {
        guard !filter.isEmpty else { return nil }
        return Set(try store.indexedFiles().filter { filter.accepts(path: $0.path, plugin: $0.plugin) }.map(\.id))
    }

    private func blend(
        _ query: String, _ vector: [Float], with context: String, way: ContextBlend, encoder: SentenceEncoder
    ) -> [Float] {
        switch way {
        case .text:
            return encoder.encode([query + ". " + context])[0]
        case .vector:
            let other = encoder.encode([context])[0]
            var sum = zip(vector, other).map { $0 + policy.contextWeight * $1 }
            let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { sum = sum.map { $0 / norm } }
            return sum
        }
    }

    private func isFlat(_ best: [Float]) -> Bool {
        guard let first = best.first else { return false }
        return first < policy.weakSimilarity || (best.count >= 10 && first - best[9] < policy.flatSpread)
    }

    /// False when the file is as indexed, true when it changed since, nil when it is gone.
    static func staleness(of hit: StoredHit) -> Bool? {
        guard case .success(let status) = FileStatus.ofTarget(hit.path) else { return nil }
        return status.size != hit.fileSize || status.modified != hit.fileModified
    }
}
