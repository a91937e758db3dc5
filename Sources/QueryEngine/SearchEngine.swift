import Foundation
import IndexBackends
import IndexStorage
import SemfindCore
import TextEncoder
import VectorStore

/// Answers searches over one index: reads the query (the short-query policy), ranks chunks by
/// meaning, by keywords or both, and dresses the best ones as results.
///
/// The encoder and the vectors are loaded on first use, so keyword searches need neither.
///
/// The index is either backend (`IndexAddress`): everything but the vectors' search goes through
/// the storage seam (`IndexBackend`), and the vectors' search is a `SemanticIndex` of the
/// backend's kind (a snapshot scanned here for SQLite, HNSW in the database for PostgreSQL).
public final class SearchEngine {
    public let index: IndexAddress
    public let store: any IndexBackend
    public var policy: QueryPolicy
    /// How many blocks the int8 scan is split into, scanned on the cores at once (`SplitScan`):
    /// 1 keeps the scan on the search's thread (a one-shot process); a long-lived server, whose
    /// thread pool is warm, gives more.
    public var scanBlocks = 1
    /// Loads the encoder of the index's precision.
    private let loadEncoder: (EncoderPrecision) throws -> SentenceEncoder
    private var loadedEncoder: SentenceEncoder?
    private var loadedIndex: (any SemanticIndex)?
    /// The second connection, kept from one search's prefetch thread for the next.
    private var prefetchStore: (any IndexBackend)?
    private var evidenceCache: EvidenceCache?
    /// Word and chunk counts of the index, kept while its generation lasts.
    let counts = IndexCounts()

    /// An engine over `store`, opened from `index`; `encoder` loads the encoder of a precision,
    /// called once, with the precision the index's vectors were embedded with.
    public init(
        index: IndexAddress, store: any IndexBackend, policy: QueryPolicy = QueryPolicy(),
        encoder: @escaping (EncoderPrecision) throws -> SentenceEncoder
    ) {
        self.index = index
        self.store = store
        self.policy = policy
        self.loadEncoder = encoder
    }

    /// An engine over the index at `index`, opened here.
    public convenience init(
        index: IndexAddress, policy: QueryPolicy = QueryPolicy(),
        encoder: @escaping (EncoderPrecision) throws -> SentenceEncoder
    ) throws {
        self.init(index: index, store: try index.open(create: false), policy: policy, encoder: encoder)
    }

    /// An engine over a SQLite index.
    public convenience init(
        store: IndexStore, policy: QueryPolicy = QueryPolicy(),
        encoder: @escaping (EncoderPrecision) throws -> SentenceEncoder
    ) {
        self.init(index: .sqlite(path: store.path), store: store, policy: policy, encoder: encoder)
    }

    public func encoder() throws -> SentenceEncoder {
        if let loadedEncoder { return loadedEncoder }
        let encoder = try loadEncoder(EncoderPrecision.of(store))
        try store.checkPrefixes(
            query: encoder.prompts.query, passage: encoder.prompts.passage, model: encoder.name)
        try store.bindModel(
            fingerprint: encoder.fingerprint, signature: encoder.fileSignature(), name: encoder.name,
            dimension: encoder.dimension)
        loadedEncoder = encoder
        return encoder
    }

    func semanticIndex() throws -> any SemanticIndex {
        if let loadedIndex { return loadedIndex }
        let index = try SemanticIndexLoader.load(backend: store, sections: policy.weighsSections)
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
        guard let cache = evidenceCache, request.filter.isEmpty else {
            return try answer(request, from: try gather(request), hits: store.hits)
        }
        let evidence = try cache.evidence(for: EvidenceCache.key(request, policy)) { try gather(request) }
        return try answer(
            request, from: evidence, hits: { try cache.hits($0, store: store) }, staleness: cache.staleness)
    }

    /// Keeps what each search gathered, so that the same queries searched again with other
    /// fusion settings are only ranked again (an evaluation of many settings; the index must
    /// not change meanwhile).
    public func reuseEvidence() {
        if evidenceCache == nil { evidenceCache = EvidenceCache() }
    }

    /// What a query found before ranking: candidates by meaning (each with its own similarity and
    /// the similarity adjusted for its file) and by keywords, and what the search has to say so
    /// far. Ranking them (`answer`) reads only the fusion's settings of `policy`, so an
    /// evaluation can rank one query's evidence many ways.
    struct Evidence {
        var response = SearchResponse()
        let terms: QueryTerms
        var semantic: [(chunkID: Int64, fileID: Int64, similarity: Float, adjusted: Float)] = []
        var keyword: Prefetch.KeywordMatches = []
        /// A short query without context: keyword matches weigh as much as meaning.
        var leansOnKeywords = false
        var exact: ExactSimilarities?
        var clock: UInt64
        /// Which chunks hold the query's words strongly enough to stand below the relevance
        /// floor, each looked at once.
        let strongKeywordMatches = Memo<Int64, Bool>()
    }

    func gather(_ request: SearchRequest) throws -> Evidence {
        var evidence = Evidence(terms: QueryTerms(request.query), clock: DispatchTime.now().uptimeNanoseconds)
        let allowed = try allowedFiles(request.filter)
        let pool = max(policy.candidates, request.limit)

        let policy = policy
        let counts = counts
        var keywordWork: (@Sendable (any IndexBackend) throws -> Prefetch.KeywordMatches)?
        if request.mode != .semantic {
            keywordWork = { [terms = evidence.terms] store in
                try Self.keywordSearch(
                    terms, allowed: allowed, limit: pool, policy: policy, store: store, counts: counts)
            }
        }
        // Vectors loaded without their sections are loaded again for a policy that weighs them.
        if policy.weighsSections, let loaded = loadedIndex, !loaded.knowsSections { loadedIndex = nil }
        let prefetch = Prefetch(
            index: index, store: prefetchStore, loadIndex: request.mode != .keyword && loadedIndex == nil,
            sections: policy.weighsSections, keywordSearch: keywordWork)
        prefetchStore = nil
        if request.mode != .keyword {
            try gatherSemantic(request, pool: pool, allowed: allowed, prefetch: prefetch, into: &evidence)
        }
        let fetched = try prefetch.wait()
        prefetchStore = fetched.store
        evidence.keyword = fetched.keyword
        if let exact = evidence.exact, let loadedIndex {
            let outside = fetched.keyword.map(\.chunkID).filter { exact.flat.row(of: $0) == nil }
            exact.outside = try loadedIndex.similarities(ofChunks: outside, query: exact.query, store: store)
        }
        evidence.response.lap("keyword", since: &evidence.clock)
        return evidence
    }

    /// Encodes the query (with its context when it is short), scans the vectors and rescores
    /// the candidates exactly.
    private func gatherSemantic(
        _ request: SearchRequest, pool: Int, allowed: Set<Int64>?, prefetch: Prefetch, into evidence: inout Evidence
    ) throws {
        let encoder = try encoder()
        evidence.response.lap("model", since: &evidence.clock)
        let pieces = encoder.tokenizer.pieces(request.query).count
        evidence.response.pieces = pieces
        let short = pieces < policy.minimumPieces
        // One encode of the text the query is read as: itself, or itself with its context.
        let vector: [Float]
        if short, let context = request.context, !context.text.isEmpty {
            let way: ContextBlend =
                switch context {
                case .given: policy.givenContextBlend
                case .session: policy.sessionBlend
                }
            vector = blend(request.query, with: context.text, way: way, encoder: encoder)
            evidence.response.augmentation = QueryAugmentation(source: context.source, text: context.text)
        } else {
            vector = embed(request.query, encoder)
        }
        if short && evidence.response.augmentation == nil {
            evidence.leansOnKeywords = true
            let lean = request.mode == .hybrid ? "results lean on keyword matches" : "results may be vague"
            evidence.response.warnings.append(
                "short query (\(pieces) word piece\(pieces == 1 ? "" : "s")): \(lean); add words or give --context")
        }
        evidence.response.lap("encode", since: &evidence.clock)
        if let fetched = try prefetch.waitForIndex() { loadedIndex = fetched }
        let index = try semanticIndex()
        if let distrusted = index as? DistrustedSnapshotSearch { evidence.response.warnings.append(distrusted.notice) }
        let waiting = try store.unembeddedCount()
        if waiting > 0 {
            let chunks = try store.chunkCount()
            let progress = EmbeddingProgress(embedded: chunks - waiting, chunks: chunks)
            evidence.response.embedding = progress
            evidence.response.warnings.append(
                "\(progress.description): the rest is found by keywords only until semfind index has embedded it")
        }
        evidence.response.lap("vectors", since: &evidence.clock)
        // Candidates from the int8 scan (of every row, or of the probed lists), then the
        // exact similarities of those (and of their files' opening chunks) decide.
        let scanLimit = policy.exactScan ? max(2 * pool, try store.chunkCount()) : 2 * pool
        let scanned = try index.scan(
            vector, limit: scanLimit, allowed: allowed, policy: policy, store: store, blocks: scanBlocks)
        evidence.response.lap("scan", since: &evidence.clock)
        let exact = scanned.exact ?? ExactSimilarities(flat: scanned.flat, query: vector)
        evidence.exact = exact
        evidence.semantic = scanned.candidates.map { candidate in
            let chunks = scanned.runs.file(ofRow: candidate.row).chunks
            let adjusted = scanned.runs.adjusted(
                row: candidate.row, similarity: exact.of,
                weights: FileWeights(
                    policy, opening: policy.openingWeight / pow(Float(max(1, chunks)), policy.openingFade)))
            return (candidate.chunkID, candidate.fileID, exact.of(candidate.row), adjusted)
        }
        evidence.response.lowConfidence = isFlat(
            evidence.semantic.map(\.similarity).sorted(by: >).prefix(10).map { $0 })
        evidence.response.lap("rescore", since: &evidence.clock)
    }

    /// The index's relevance floor when it applies to `request`: not with `--min-score` (which
    /// replaces it), not in keyword mode (nothing there is ranked by similarity), not when asked
    /// to show everything, and not on an index where it was never measured.
    func appliedFloor(_ request: SearchRequest) throws -> Double? {
        guard request.appliesFloor, request.minScore == nil, request.mode != .keyword else { return nil }
        return try store.relevanceFloor()?.similarity
    }

    /// The ids of the files a filter lets through, or nil when it lets everything through.
    private func allowedFiles(_ filter: SearchFilter) throws -> Set<Int64>? {
        guard !filter.isEmpty else { return nil }
        return Set(try store.indexedFiles().filter { filter.accepts(path: $0.path, plugin: $0.plugin) }.map(\.id))
    }

    /// The vector of a short query read with its context: the two embedded as one text, or
    /// each embedded (in one batch) and their vectors added, the context at `contextWeight`.
    private func blend(_ query: String, with context: String, way: ContextBlend, encoder: SentenceEncoder)
        -> [Float]
    {
        switch way {
        case .text:
            return embed(query + ". " + context, encoder)
        case .vector:
            let vectors =
                evidenceCache == nil
                ? encoder.encode([query, context], as: .query) : [embed(query, encoder), embed(context, encoder)]
            var sum = zip(vectors[0], vectors[1]).map { $0 + policy.contextWeight * $1 }
            let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { sum = sum.map { $0 / norm } }
            return sum
        }
    }

    /// The text's vector, encoded once while evidence is reused.
    private func embed(_ text: String, _ encoder: SentenceEncoder) -> [Float] {
        guard let evidenceCache else { return encoder.encode([text], as: .query)[0] }
        return evidenceCache.vector(of: text) { encoder.encode([text], as: .query)[0] }
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
