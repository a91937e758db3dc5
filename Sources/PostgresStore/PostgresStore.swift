import Foundation
import IndexStorage
import SemfindCore

/// An index in a PostgreSQL database with pgvector: the tables of `PostgresSchema` in the
/// schema its address names, reached through one libpq connection. The second backend of the
/// storage seam (`PostgresStore+Storage.swift`).
///
/// A file's chunks are replaced in one transaction, as in SQLite; chunk ids come from a
/// sequence, so none is given out twice. One `PostgresStore` per thread.
public final class PostgresStore {
    public let address: PostgresAddress
    let connection: PostgresConnection
    /// How long a claim on waiting chunks holds (`claimUnembedded`): a run that died lets its
    /// chunks go after this; one embedding group takes seconds.
    public var claimLapseSeconds = 600.0

    /// Connects to the index at `address`; with `create`, makes its schema and tables when
    /// missing. Refuses a schema that is not a semfind index, and one written by a newer semfind.
    ///
    /// - Throws: `SemfindError`: `.io` with a `PostgresError` cause when the server cannot be
    ///   reached or refuses a statement, `.invalidInput` for a missing, foreign or newer index.
    public init(address: PostgresAddress, create: Bool) throws {
        self.address = address
        connection = try PostgresConnection(address)
        try connection.execute("SET client_min_messages = warning")
        try prepareSchema(create: create)
        try connection.execute("SET search_path = \(address.schema), public")
    }

    /// The error of a reader that finds no index at `address` (none is created for it).
    public static func missing(_ address: PostgresAddress) -> SemfindError {
        SemfindError(.invalidInput, "no index at \(address)", cause: NoIndex())
    }

    /// The cause of `missing`'s error, which tells it from a failure to connect.
    struct NoIndex: Error {}

    /// The index at `address`, or nil when its schema holds none yet.
    public static func existing(at address: PostgresAddress) throws -> PostgresStore? {
        do {
            return try PostgresStore(address: address, create: false)
        } catch let error as SemfindError where error.cause is NoIndex {
            return nil
        }
    }

    private func prepareSchema(create: Bool) throws {
        let schema = address.schema
        let tables = try connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1", [schema]
        ).texts(0)
        let isIndex = tables.contains("schema_version")
        guard isIndex || tables.isEmpty else {
            throw SemfindError(
                .invalidInput, "schema \(schema) of \(address) is not a semfind index; choose another schema=")
        }
        var version = isIndex ? try connection.integer("SELECT version FROM \(schema).schema_version") : 0
        guard version <= PostgresSchema.migrations.count else {
            throw SemfindError(
                .invalidInput, "\(address) was written by a newer semfind (schema \(version)); upgrade semfind")
        }
        guard version < PostgresSchema.migrations.count else { return }
        // An index of an older semfind is brought up to date by any command that opens it.
        guard create || isIndex else { throw Self.missing(address) }
        try connection.transaction {
            // Two processes creating indexes (and the extensions, which are the database's): the
            // second waits here, then finds made what the first made.
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext('semfind migrations'))")
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
            try connection.execute("SET LOCAL search_path = \(schema), public")
            if try connection.integer(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'schema_version'",
                [schema]) == 0
            {
                try connection.execute(PostgresSchema.versionTable)
            }
            version = try connection.integer("SELECT version FROM schema_version")
            guard version < PostgresSchema.migrations.count else { return }
            try connection.execute(PostgresSchema.extensions)
            for migration in PostgresSchema.migrations[Int(version)...] { try connection.execute(migration) }
            try connection.execute(
                "UPDATE schema_version SET version = $1", [String(PostgresSchema.migrations.count)])
        }
    }

    // MARK: Metadata

    /// The value stored under `key` in the index's meta table.
    public func meta(_ key: String) throws -> String? {
        let rows = try connection.execute("SELECT value FROM meta WHERE key = $1", [key])
        return rows.count > 0 ? rows.text(0, 0) : nil
    }

    func setMeta(_ key: String, _ value: String) throws {
        try connection.execute(
            "INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value])
    }

    /// The dimension of the index's vectors; nil before a model is bound to it.
    public func dimension() throws -> Int? {
        try meta("dimension").flatMap { Int($0) }
    }

    /// Records the encoder of a new index, or checks that an existing index was built by the
    /// same one (`ModelBinding`): vectors of two models never mix. Binding sizes the vector
    /// column to `dimension`; its HNSW index comes after the first rows (`refreshVectorSearch`).
    public func bindModel(fingerprint: () -> String, signature: String, name: String, dimension: Int) throws {
        if let stored = try meta("model_fingerprint") {
            let binding = ModelBinding(
                fingerprint: stored, signature: try meta("model_signature"), name: try meta("model_name"),
                dimension: try self.dimension())
            let match = try binding.check(
                fingerprint: fingerprint, signature: signature, name: name, dimension: dimension,
                index: address.description, advice: .newSchema)
            if match == .sameModel { try setMeta("model_signature", signature) }
            return
        }
        let computed = fingerprint()
        try connection.transaction {
            try setMeta("model_fingerprint", computed)
            try setMeta("model_signature", signature)
            try setMeta("model_name", name)
            try setMeta("dimension", String(dimension))
            try connection.execute("ALTER TABLE vectors ALTER COLUMN embedding TYPE vector(\(dimension))")
        }
    }

    /// Marks the stored chunks as changed; in the caller's transaction, whose commit makes the
    /// new generation visible together with the chunks.
    func advanceGeneration() throws {
        try connection.execute("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'generation'")
    }
}
