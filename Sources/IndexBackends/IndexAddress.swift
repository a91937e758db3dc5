import Foundation
import IndexStorage
import PostgresStore
import VectorStore

/// Where an index lives: a SQLite database file (the default), or a schema of a PostgreSQL
/// database named by a connection URI. What the indexing pipeline and a search are given; they
/// open it (`open`) and see only the storage seam (`IndexBackend`) and the one part that
/// differs, how vectors are searched (`QueryEngine`'s `SemanticIndex`).
public enum IndexAddress: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// The index `named` names (`--index`: a path or a `postgresql://` URI), else
    /// `$SEMFIND_INDEX`, else the default file; a path is made absolute.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for a PostgreSQL URI semfind does not take (one
    ///   holding a password, a schema that is no plain name).
    public init(named: String?) throws {
        let text = named ?? IndexStore.defaultPath()
        if PostgresAddress.isPostgresURI(text) {
            self = .postgres(try PostgresAddress(text))
        } else {
            self = .sqlite(path: Self.sqlitePath(named: text))
        }
    }

    /// The indexes `named` names in order (`semfind eval --index … --index …`); none named is the
    /// default index.
    public static func all(named: [String]) throws -> [IndexAddress] {
        named.isEmpty ? [try IndexAddress(named: nil)] : try named.map(IndexAddress.init(named:))
    }

    /// The absolute path of the SQLite index `named` names (nil: `$SEMFIND_INDEX`, then the
    /// default file), for the commands that open SQLite only.
    public static func sqlitePath(named: String?) -> String {
        URL(fileURLWithPath: named ?? IndexStore.defaultPath()).standardizedFileURL.path
    }

    /// The path or URI, as messages name the index.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.uri
        }
    }

    /// The files of a SQLite index on this machine (`IndexStore.ownFiles`), which a run over
    /// folders that hold them leaves out; none for a PostgreSQL index.
    public var ownFiles: Set<String> {
        sqlitePath.map(IndexStore.ownFiles(of:)) ?? []
    }

    /// The SQLite index's path; nil for a PostgreSQL index.
    public var sqlitePath: String? {
        if case .sqlite(let path) = self { return path }
        return nil
    }

    /// The index, opened as `open(create: false)` does, or nil when there is none yet (no file,
    /// or a schema without one).
    public func openExisting() throws -> (any IndexBackend)? {
        switch self {
        case .sqlite(let path):
            FileManager.default.fileExists(atPath: path) ? try IndexStore(path: path, create: false) : nil
        case .postgres(let address): try PostgresStore.existing(at: address)
        }
    }

    /// Opens the index, one connection for the calling thread; with `create`, makes it when
    /// missing.
    public func open(create: Bool) throws -> any IndexBackend {
        switch self {
        case .sqlite(let path): try IndexStore(path: path, create: create)
        case .postgres(let address): try PostgresStore(address: address, create: create)
        }
    }
}
