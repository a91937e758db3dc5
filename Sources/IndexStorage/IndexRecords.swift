import VectorIndex

/// What an index records beside its files and vectors: the model and the way its vectors were
/// made, which every writer and every search checks before it uses an encoder, the chunker's
/// settings, and the figures measured on it. Each backend keeps them in its own meta table; the
/// rules are shared (`ModelBinding`, `EncoderRecord`).
public protocol IndexRecords: AnyObject {
    /// How messages name the index: its path, or its PostgreSQL URI.
    var indexName: String { get }
    /// Records the model of a new index, or checks that the encoder is the index's model
    /// (`ModelBinding`).
    func bindModel(fingerprint: () -> String, signature: String, name: String, dimension: Int) throws
    /// The name of the model the index was built with; nil before any.
    func modelName() throws -> String?
    /// The prompts before queries and passages of the index's vectors; nil before any vector.
    func recordedPrefixes() throws -> (query: String, passage: String)?
    /// Records the prompts of a new index's vectors, or checks them (`checkPrefixes`).
    func bindPrefixes(query: String, passage: String, model: String) throws
    /// Refuses prompts other than those the vectors of `model` were embedded with.
    func checkPrefixes(query: String, passage: String, model: String) throws
    /// The encoder arithmetic ("fp32", "int8") the vectors came from; nil before any.
    func encoderPrecision() throws -> String?
    /// Records the encoder arithmetic of a new index, or refuses another (`EncoderRecord`).
    func bindEncoderPrecision(_ precision: String) throws
    /// The chunker settings the chunks were cut with.
    func chunkerSignature() throws -> String?
    func recordChunkerSignature(_ signature: String) throws
    /// Adds an indexing run's embedded chunks and seconds to the index's tally.
    func recordEmbedding(chunks: Int, seconds: Double) throws
    /// Chunks embedded per second over every run; nil before any.
    func embeddingRate() throws -> Double?
    /// The similarity unrelated text reaches in this index; nil when never measured.
    func relevanceFloor() throws -> RelevanceFloor?
    /// Measures the floor when due (`RelevanceFloor.isDue`) or when `force` says so;
    /// `questions` embeds the unrelated questions, called only then.
    func refreshRelevanceFloor(force: Bool, questions: () -> [[Float]]) throws
    func status() throws -> IndexStatus
}

/// Everything the indexing pipeline and a search use of an index, whichever backend holds it.
public typealias IndexBackend = FileCatalog & IndexRecords & KeywordIndex & RootClaims & SessionLog & Transactional
    & VectorTable & VectorUpkeep
