import VectorIndex

/// The index's metadata (the `meta` table), read in one query (`IndexStore.meta()`) and read
/// through typed properties, each parsing its value as the index has always stored it.
public struct IndexMeta: Sendable {
    /// Every key semfind writes, and the only ones it reads.
    public enum Key: String, CaseIterable, Sendable {
        case modelFingerprint = "model_fingerprint"
        /// The model files' signature: the fingerprint is computed again only when it changes.
        case modelSignature = "model_signature"
        case modelName = "model_name"
        case dimension
        /// "fp32" or "int8": the encoder arithmetic the vectors came from.
        case encoderPrecision = "encoder_precision"
        /// The prompts put before queries and passages (`--query-prefix`, `--passage-prefix`).
        case queryPrefix = "query_prefix"
        case passagePrefix = "passage_prefix"
        /// The form the vectors are stored in (`VectorPrecision`).
        case vectorPrecision = "vector_precision"
        /// Advanced by every change of the stored vectors.
        case generation
        /// The lowest chunk id never given out (`IndexStore+ChunkIDs`).
        case nextChunkID = "next_chunk_id"
        /// The chunker's settings the chunks were cut with.
        case chunker
        case indexKind = "index_kind"
        case ivfLists = "ivf_lists"
        case ivfProbes = "ivf_probes"
        case ivfRecallAt10 = "ivf_recall_at_10"
        case ivfRecallQueries = "ivf_recall_queries"
        case ivfTrainedRows = "ivf_trained_rows"
        /// The generation a training produced, which a writer's cached centroids are of.
        case ivfTrainedGeneration = "ivf_trained_generation"
        /// The size and time of the last snapshot file written.
        case snapshotStamp = "snapshot_stamp"
        case relevanceFloor = "relevance_floor"
        /// The vector count the floor was measured at.
        case relevanceFloorVectors = "relevance_floor_vectors"
        /// Chunks embedded by every indexing run so far, and the seconds their embedding took.
        case embeddedChunks = "embedded_chunks"
        case embeddingSeconds = "embedding_seconds"
    }

    private let values: [Key: String]

    init(values: [Key: String]) {
        self.values = values
    }

    /// The value stored under `key`, as text.
    public subscript(key: Key) -> String? { values[key] }

    public var modelName: String? { values[.modelName] }
    public var modelFingerprint: String? { values[.modelFingerprint] }
    public var modelSignature: String? { values[.modelSignature] }
    /// The dimension of the index's vectors; nil before a model is bound to it.
    public var dimension: Int? { values[.dimension].flatMap { Int($0) } }
    public var encoderPrecision: String? { values[.encoderPrecision] }
    public var chunkerSignature: String? { values[.chunker] }
    public var generation: Int64 { Int64(values[.generation] ?? "") ?? 0 }
    /// The recorded next chunk id; 0 when none is recorded (an index from before ids were).
    public var nextChunkID: Int64 { Int64(values[.nextChunkID] ?? "") ?? 0 }
    public var snapshotStamp: String? { values[.snapshotStamp] }

    /// The kind of vector index and, for IVF, its lists, probes and measured recall.
    public var vectorIndex: VectorIndexInfo {
        let kind = values[.indexKind].flatMap(VectorIndexInfo.Kind.init(rawValue:)) ?? .flat
        guard kind == .ivf else { return VectorIndexInfo(kind: .flat) }
        return VectorIndexInfo(
            kind: .ivf, lists: values[.ivfLists].flatMap { Int($0) }, probes: values[.ivfProbes].flatMap { Int($0) },
            recall: values[.ivfRecallAt10].flatMap { Double($0) },
            recallQueries: values[.ivfRecallQueries].flatMap { Int($0) },
            trainedRows: values[.ivfTrainedRows].flatMap { Int($0) })
    }

    /// Chunks embedded per second over every indexing run that embedded some; nil for an index
    /// from before it was recorded.
    public var embeddingRate: Double? {
        guard let chunks = values[.embeddedChunks].flatMap(Double.init),
            let seconds = values[.embeddingSeconds].flatMap(Double.init), seconds > 0
        else { return nil }
        return chunks / seconds
    }

    /// The floor measured on this index, or nil when it was never measured.
    public var relevanceFloor: RelevanceFloor? {
        guard let similarity = values[.relevanceFloor].flatMap(Double.init) else { return nil }
        return RelevanceFloor(similarity: similarity, vectors: values[.relevanceFloorVectors].flatMap { Int($0) } ?? 0)
    }
}
