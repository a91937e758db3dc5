/// One index kind's figures in `semfind bench search` (a JSON line of `--json`, a row of the
/// table): what was measured over which workload, then the kind's own parameters.
public struct SearchBenchRow: Codable, Equatable, Sendable {
    public var kind: String
    public var vectors: Int
    public var dimension: Int
    public var queries: Int
    public var k: Int
    public var queryThreads = 1
    public var buildThreads: Int
    /// Where the vectors came from: "synthetic" or the index's path.
    public var data: String
    /// The stored form the flat and IVF indexes rescore with.
    public var precision: String
    public var recallAt10: Double
    public var queriesPerSecond: Double
    public var msPerQueryP50: Double
    public var buildSeconds: Double
    public var bytesPerVector: Double
    public var scannedBytesPerVector: Int
    /// Candidates the int8 scan keeps for exact rescoring (flat-int8, ivf).
    public var candidates: Int?
    /// IVF only: training and probe choice, lists and probes.
    public var trainSeconds: Double?
    public var probeChoiceSeconds: Double?
    public var nlist: Int?
    public var nprobe: Int?
    public var probeRecall: Double?
    public var probeQueries: Int?
    public var trainVectors: Int?
    public var iterations: Int?

    enum CodingKeys: String, CodingKey {
        case kind, vectors, dimension, queries, k, data, precision, candidates, nlist, nprobe, iterations
        case queryThreads = "query_threads"
        case buildThreads = "build_threads"
        case recallAt10 = "recall_at_10"
        case queriesPerSecond = "queries_per_second"
        case msPerQueryP50 = "ms_per_query_p50"
        case buildSeconds = "build_seconds"
        case bytesPerVector = "bytes_per_vector"
        case scannedBytesPerVector = "scanned_bytes_per_vector"
        case trainSeconds = "train_seconds"
        case probeChoiceSeconds = "probe_choice_seconds"
        case probeRecall = "probe_recall"
        case probeQueries = "probe_queries"
        case trainVectors = "train_vectors"
    }
}
