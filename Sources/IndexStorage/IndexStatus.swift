import VectorIndex

/// What `semfind status` reports about an index.
public struct IndexStatus: Sendable {
    public let path: String
    public let roots: [String]
    public let files: Int
    /// The files by the name of the plugin that read them.
    public let filesByPlugin: [String: Int]
    public let chunks: Int
    public let vectors: Int
    /// Chunks waiting for their vectors (an index run still embedding, or one stopped).
    public let unembedded: Int
    /// The database, its write-ahead log, shared-memory file and vector snapshot together.
    public let bytesOnDisk: Int
    public let modelName: String?
    public let modelFingerprint: String?
    public let dimension: Int?
    /// The arithmetic of the encoder that embedded the vectors ("fp32", "int8"); nil before any.
    public let encoderPrecision: String?
    /// The form the vectors are stored in.
    public let precision: VectorPrecision
    /// Flat or IVF, with the IVF lists, probes and measured recall.
    public let vectorIndex: VectorIndexInfo
    /// The similarity unrelated text reaches in this index, when measured (`RelevanceFloor`).
    public let relevanceFloor: RelevanceFloor?

    public init(
        path: String, roots: [String], files: Int, filesByPlugin: [String: Int], chunks: Int, vectors: Int,
        unembedded: Int, bytesOnDisk: Int, modelName: String?, modelFingerprint: String?, dimension: Int?,
        encoderPrecision: String?, precision: VectorPrecision, vectorIndex: VectorIndexInfo,
        relevanceFloor: RelevanceFloor?
    ) {
        self.path = path
        self.roots = roots
        self.files = files
        self.filesByPlugin = filesByPlugin
        self.chunks = chunks
        self.vectors = vectors
        self.unembedded = unembedded
        self.bytesOnDisk = bytesOnDisk
        self.modelName = modelName
        self.modelFingerprint = modelFingerprint
        self.dimension = dimension
        self.encoderPrecision = encoderPrecision
        self.precision = precision
        self.vectorIndex = vectorIndex
        self.relevanceFloor = relevanceFloor
    }
}
