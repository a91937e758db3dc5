import IndexStorage
import SemfindCore
import VectorIndex

/// The meta table as the storage seam reads it (`IndexRecords`), under the keys SQLite's
/// index uses, with the same rules (`EncoderRecord`).
extension PostgresStore: IndexRecords {
    public var indexName: String { address.uri }

    public func modelName() throws -> String? { try meta("model_name") }

    public func recordedPrefixes() throws -> (query: String, passage: String)? {
        guard let query = try meta("query_prefix"), let passage = try meta("passage_prefix") else { return nil }
        return (query, passage)
    }

    public func bindPrefixes(query: String, passage: String, model: String) throws {
        try checkPrefixes(query: query, passage: passage, model: model)
        guard try recordedPrefixes() == nil else { return }
        try connection.transaction {
            try setMeta("query_prefix", query)
            try setMeta("passage_prefix", passage)
        }
    }

    public func checkPrefixes(query: String, passage: String, model: String) throws {
        let recordedModel = try modelName()
        guard recordedModel == nil || recordedModel == model else { return }
        try EncoderRecord.checkPrefixes(
            stored: try recordedPrefixes(), given: (query, passage), index: indexName, advice: .newSchema)
    }

    public func encoderPrecision() throws -> String? { try meta("encoder_precision") }

    public func bindEncoderPrecision(_ precision: String) throws {
        guard let stored = try encoderPrecision() else { return try setMeta("encoder_precision", precision) }
        try EncoderRecord.checkPrecision(stored: stored, given: precision, index: indexName, advice: .newSchema)
    }

    public func chunkerSignature() throws -> String? { try meta("chunker") }

    public func recordChunkerSignature(_ signature: String) throws { try setMeta("chunker", signature) }

    /// Adds to the tally in one statement, so that several machines' runs add up.
    public func recordEmbedding(chunks: Int, seconds: Double) throws {
        guard chunks > 0, seconds > 0 else { return }
        try connection.transaction {
            for (key, amount) in [("embedded_chunks", String(chunks)), ("embedding_seconds", String(seconds))] {
                try connection.execute(
                    """
                    INSERT INTO meta(key, value) VALUES ($1, $2)
                    ON CONFLICT(key) DO UPDATE SET value = (meta.value::float8 + excluded.value::float8)::text
                    """, [key, amount])
            }
        }
    }

    public func embeddingRate() throws -> Double? {
        guard let chunks = try meta("embedded_chunks").flatMap(Double.init),
            let seconds = try meta("embedding_seconds").flatMap(Double.init), seconds > 0
        else { return nil }
        return chunks / seconds
    }

    public func relevanceFloor() throws -> RelevanceFloor? {
        guard let similarity = try meta("relevance_floor").flatMap(Double.init) else { return nil }
        return RelevanceFloor(
            similarity: similarity, vectors: try meta("relevance_floor_vectors").flatMap { Int($0) } ?? 0)
    }

    /// Measures the floor on the same sample of vectors as SQLite's index would
    /// (`RelevanceFloor.sample`, over every vector in chunk id order).
    public func refreshRelevanceFloor(force: Bool, questions: () -> [[Float]]) throws {
        let vectors = Int(try connection.integer("SELECT count(*) FROM vectors"))
        let due = RelevanceFloor.isDue(previous: try relevanceFloor(), vectors: vectors)
        guard let dimension = try dimension(), force || due else { return }
        let listing = try connection.execute(
            "SELECT vectors.chunk_id, chunks.file_id FROM vectors JOIN chunks ON chunks.id = vectors.chunk_id ORDER BY 1"
        )
        let taken = RelevanceFloor.sample((0..<listing.count).map { (listing.int64($0, 0), listing.int64($0, 1)) })
        let read = try connection.execute(
            "SELECT chunk_id, embedding FROM vectors WHERE chunk_id = ANY($1::bigint[])",
            [Self.arrayLiteral(taken.map { String($0.0) })])
        let byChunk = Dictionary(uniqueKeysWithValues: (0..<read.count).map { (read.int64($0, 0), read.vector($0, 1)) })
        var values: [Float] = []
        var owners: [Int64] = []
        for (chunkID, fileID) in taken {
            guard let vector = byChunk[chunkID], vector.count == dimension else { continue }
            values += vector
            owners.append(fileID)
        }
        let measured = RelevanceFloor.measured(
            questions: questions().filter { $0.count == dimension }, sample: values, owners: owners,
            dimension: dimension, vectors: vectors)
        try connection.transaction {
            try connection.execute("DELETE FROM meta WHERE key IN ('relevance_floor', 'relevance_floor_vectors')")
            guard let measured else { return }
            try setMeta("relevance_floor", String(measured.similarity))
            try setMeta("relevance_floor_vectors", String(measured.vectors))
        }
    }
}
