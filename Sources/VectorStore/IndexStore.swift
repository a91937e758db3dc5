import Foundation
import IndexStorage
import SemfindCore
import VectorIndex

/// The index: one SQLite database (WAL mode) holding every root, file, chunk, vector and the
/// FTS5 table over chunk text, plus the model fingerprint that all its vectors come from.
///
/// A file's chunks are replaced in one transaction, so a crash at any instant leaves either the
/// old or the new version of the file, never a mix. One `IndexStore` per thread.
public final class IndexStore {
    public let path: String
    public let location: DatabaseLocation
    let database: SQLiteDatabase
    /// The IVF centroids new vectors are filed under, with the training they came from.
    var cachedCentroids: (training: String, centroids: [Float])?
    /// The database file's identity when it was opened (`isStillAtPath`).
    private let openedIdentity: FileStatus.Identity?

    /// Opens the index at `path`; with `create`, makes it (and its folder) when missing.
    /// Refuses a file that is not a semfind index, and one written by a newer semfind.
    /// `location` says where the database lives (`DatabaseLocation`): a file at `path`, or memory.
    public init(path: String, create: Bool, location: DatabaseLocation = .file) throws {
        self.path = path
        self.location = location
        switch location {
        case .file:
            if !FileManager.default.fileExists(atPath: path) {
                guard create else { throw Self.missing(path) }
                try PrivateFiles.makeFolders(URL(fileURLWithPath: path).deletingLastPathComponent().path)
                // SQLite gives its write-ahead log and shared memory the database's mode.
                try PrivateFiles.createFile(path)
            }
            database = try SQLiteDatabase(path: path, create: create)
            openedIdentity = try? FileStatus.ofTarget(path).get().identity
        case .memory:
            // The folder holds the snapshot and the lock, as a file index's does.
            if create { try PrivateFiles.makeFolders(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
            database = try SQLiteDatabase(path: path, inMemory: true)
            openedIdentity = nil
            guard try create || database.integer("SELECT count(*) FROM sqlite_master") > 0 else {
                throw Self.missing(path)
            }
        }
        try SpacelessRunsFunction.define(on: database)
        do {
            try prepareSchema()
        } catch let error as SemfindError where location == .file && !Self.isIndexOrEmpty(path) {
            throw Self.notAnIndex(path, cause: error)
        }
    }

    /// The error of a reader that finds no index at `path` (none is created for it).
    public static func missing(_ path: String) -> SemfindError {
        SemfindError(.invalidInput, "no index at \(path); create one with semfind index FOLDER")
    }

    /// The refusal of a file that is not a semfind index (a text file, another program's database).
    static func notAnIndex(_ path: String, cause: SemfindError? = nil) -> SemfindError {
        SemfindError(.invalidInput, "\(path) is not a semfind index; choose another --index path", cause: cause)
    }

    private func prepareSchema() throws {
        let applicationID = try database.integer("PRAGMA application_id")
        let version = Int(try database.integer("PRAGMA user_version"))
        let tables = try database.integer("SELECT count(*) FROM sqlite_master")
        guard Self.isIndexOrEmpty(applicationID: applicationID, tables: tables) else { throw Self.notAnIndex(path) }
        guard version <= IndexSchema.migrations.count else {
            throw SemfindError(
                .invalidInput, "\(path) was written by a newer semfind (schema \(version)); upgrade semfind")
        }
        try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON")
        guard version < IndexSchema.migrations.count else { return }
        try database.transaction {
            for migration in IndexSchema.migrations[version...] {
                try database.execute(migration)
            }
            try database.execute(
                "PRAGMA application_id=\(IndexSchema.applicationID); PRAGMA user_version=\(IndexSchema.migrations.count)"
            )
        }
    }

    /// Where the index lives by default: `$SEMFIND_INDEX`, else
    /// `$XDG_DATA_HOME/semfind/index.sqlite` (default `~/.local/share/...`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["SEMFIND_INDEX"], !path.isEmpty { return path }
        return DataHome.folder(environment: environment) + "/index.sqlite"
    }

    /// The files of one index: the database, its write-ahead log and shared memory, and the
    /// vector snapshot.
    static let fileSuffixes = ["", "-wal", "-shm", ".vectors"]

    /// Every file an index at `path` may keep beside it, as absolute paths: the database files
    /// and snapshot, the writer's lock, and a server's socket and lock (`SearchServer` names those
    /// two `INDEX.sock` and `INDEX.sock.lock`). The walker leaves them out of an index run.
    public static func ownFiles(of path: String) -> Set<String> {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return Set((fileSuffixes + ["-journal", ".lock", ".sock", ".sock.lock"]).map { absolute + $0 })
    }

    /// Deletes the index files at `path`, if present. Refuses a file there that is not a
    /// semfind index (a text file, another program's database): nothing is deleted then.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for a file that is not an index, `.io` when a
    ///   file cannot be removed.
    public static func remove(path: String) throws {
        if FileManager.default.fileExists(atPath: path), !isIndexOrEmpty(path) { throw notAnIndex(path) }
        for suffix in fileSuffixes where FileManager.default.fileExists(atPath: path + suffix) {
            do {
                try FileManager.default.removeItem(atPath: path + suffix)
            } catch {
                throw SemfindError(.io, "cannot remove \(path + suffix): \(error.localizedDescription)")
            }
        }
    }

    /// Whether the file at `path` is a semfind index, or empty (as one is for an instant when
    /// it is created): read through SQLite, so a header still in the write-ahead log counts.
    static func isIndexOrEmpty(_ path: String) -> Bool {
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 { return true }
        guard let database = try? SQLiteDatabase(path: path, readOnly: true, create: false),
            let applicationID = try? database.integer("PRAGMA application_id"),
            let tables = try? database.integer("SELECT count(*) FROM sqlite_master")
        else { return false }
        return isIndexOrEmpty(applicationID: applicationID, tables: tables)
    }

    /// Whether a database with this `application_id` and this many schema objects is a semfind
    /// index, or an empty database that can become one.
    private static func isIndexOrEmpty(applicationID: Int64, tables: Int64) -> Bool {
        applicationID == Int64(IndexSchema.applicationID) || (applicationID == 0 && tables == 0)
    }

    /// Whether `path` still names the database file this store opened: false once the index
    /// was rebuilt (a new file in its place) or deleted, which a long-lived server must notice.
    public var isStillAtPath: Bool {
        guard location == .file else { return true }
        guard case .success(let now) = FileStatus.ofTarget(path) else { return false }
        return now.identity == openedIdentity
    }

    // MARK: Metadata

    /// The index's metadata, read in one query (keys semfind does not know are left out).
    public func meta() throws -> IndexMeta {
        let statement = try database.cachedStatement("SELECT key, value FROM meta")
        var values: [IndexMeta.Key: String] = [:]
        while try statement.step() {
            guard let key = IndexMeta.Key(rawValue: statement.text(0)) else { continue }
            values[key] = statement.text(1)
        }
        return IndexMeta(values: values)
    }

    public func setMeta(_ key: IndexMeta.Key, _ value: String) throws {
        try database.cachedStatement(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        )
        .bind(.text(key.rawValue), .text(value)).run()
    }

    /// Records the encoder of a new index, or checks that an existing index was built by the
    /// same one: vectors of two models never mix. `fingerprint` is computed only when the model
    /// files' `signature` differs from the one recorded with the stored fingerprint.
    public func bindModel(fingerprint: () -> String, signature: String, name: String, dimension: Int) throws {
        let meta = try meta()
        if let stored = meta.modelFingerprint {
            let binding = ModelBinding(
                fingerprint: stored, signature: meta.modelSignature, name: meta.modelName, dimension: meta.dimension)
            let match = try binding.check(
                fingerprint: fingerprint, signature: signature, name: name, dimension: dimension, index: path)
            if match == .sameModel {
                try? setMeta(.modelSignature, signature)
            }
            return
        }
        let computed = fingerprint()
        try database.transaction {
            try setMeta(.modelFingerprint, computed)
            try setMeta(.modelSignature, signature)
            try setMeta(.modelName, name)
            try setMeta(.dimension, String(dimension))
            try setMeta(.indexKind, VectorIndexInfo.Kind.flat.rawValue)
        }
    }
}
