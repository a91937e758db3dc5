import IndexStorage
import VectorStore

/// `semfind status --json`, `serve`'s `status` result and `mcp`'s status tool: `files_by_plugin`
/// counts the files each plugin read (by its name); `encoder` (the encoder's arithmetic) and
/// `relevance_floor` are present once there are vectors and once it was measured; the IVF
/// figures are present only when `index_kind` is "ivf".
public struct StatusReport: Codable, Equatable, Sendable {
    public let index: String
    public let roots: [String]
    public let files: Int
    public let filesByPlugin: [String: Int]
    public let chunks: Int
    public let vectors: Int
    public let unembedded: Int
    public let bytesOnDisk: Int
    public let model: String
    public let fingerprint: String
    public let dimension: Int
    public let encoder: String?
    public let precision: String
    public let relevanceFloor: Double?
    public let indexKind: String
    public let ivfLists: Int?
    public let ivfProbes: Int?
    public let ivfRecallAt10: Double?
    public let ivfRecallQueries: Int?
    public let ivfTrainedVectors: Int?

    private enum CodingKeys: String, CodingKey {
        case index, roots, files, filesByPlugin = "files_by_plugin", chunks, vectors, unembedded
        case bytesOnDisk = "bytes_on_disk", model, fingerprint, dimension, encoder, precision
        case relevanceFloor = "relevance_floor", indexKind = "index_kind", ivfLists = "ivf_lists"
        case ivfProbes = "ivf_probes", ivfRecallAt10 = "ivf_recall_at_10", ivfRecallQueries = "ivf_recall_queries"
        case ivfTrainedVectors = "ivf_trained_vectors"
    }

    public init(_ status: IndexStatus) {
        index = status.path
        roots = status.roots
        files = status.files
        filesByPlugin = status.filesByPlugin
        chunks = status.chunks
        vectors = status.vectors
        unembedded = status.unembedded
        bytesOnDisk = status.bytesOnDisk
        model = status.modelName ?? ""
        fingerprint = status.modelFingerprint ?? ""
        dimension = status.dimension ?? 0
        encoder = status.encoderPrecision
        precision = status.precision.rawValue
        relevanceFloor = status.relevanceFloor?.similarity
        indexKind = status.vectorIndex.kind.rawValue
        ivfLists = status.vectorIndex.lists
        ivfProbes = status.vectorIndex.probes
        ivfRecallAt10 = status.vectorIndex.recall
        ivfRecallQueries = status.vectorIndex.recallQueries
        ivfTrainedVectors = status.vectorIndex.trainedRows
    }
}

/// `semfind status --list-chunks`' line for one file: its path and its chunks' texts in order
/// (`IndexStore.chunkTextsByFile`), for tests that compare two indexes.
public struct ChunkListing: Encodable {
    let path: String
    let chunks: [String]

    public init(_ file: (path: String, chunks: [String])) {
        path = file.path
        chunks = file.chunks
    }
}
