import CSQLite
import Foundation
import SemfindCore

/// One connection to a SQLite database: statements, transactions, pragmas. Not shared across
/// threads; each thread that needs the index opens its own.
///
/// semfind talks to SQLite through this thin layer rather than GRDB: vectors are read as raw
/// blobs straight into one contiguous matrix, FTS5 is plain SQL, and the build stays small.
final class SQLiteDatabase {
    let path: String
    private let handle: OpaquePointer
    /// `cachedStatement`'s statements, by their SQL.
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (and with `create`, creates) the database at `path`; `inMemory`, the memory
    /// database named after `path` that every connection of this process to it shares.
    init(path: String, readOnly: Bool = false, create: Bool = true, inMemory: Bool = false) throws {
        self.path = path
        var connection: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))
        var name = path
        if inMemory {
            flags |= SQLITE_OPEN_URI | SQLITE_OPEN_CREATE
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? path
            name = "file:semfind-memory-\(escaped)?mode=memory&cache=shared"
        }
        let status = sqlite3_open_v2(name, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let reason =
                connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(connection)
            throw SemfindError(.io, "cannot open index \(path): \(reason)")
        }
        handle = connection
        sqlite3_busy_timeout(handle, 5000)
        sqlite3_extended_result_codes(handle, 1)
    }

    /// Closed once the last statement is finalized (`sqlite3_close_v2`): cached ones go first.
    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard status == SQLITE_OK else {
            throw error(status, sql: sql, detail: message.map { String(cString: $0) })
        }
    }

    /// A new statement for `sql`, finalized when released.
    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, sql: sql) }
        return SQLiteStatement(statement, connection: handle, path: path, sql: sql)
    }

    /// The statement for `sql`, prepared once per connection and kept for the next call (the
    /// statements a writer runs for every file and every batch of vectors). It comes back reset.
    /// A statement stopped on a row holds a read open, so use one inside a transaction (whose end
    /// resets them all) or step it to its end; and never while the same SQL is being stepped.
    func cachedStatement(_ sql: String) throws -> SQLiteStatement {
        if let statement = statements[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Defines a deterministic SQL function of one argument on this connection, one that the
    /// schema's triggers may call (innocuous: it reads nothing but its argument).
    func defineFunction(
        _ name: String,
        _ body: @escaping @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void
    ) throws {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        let status = sqlite3_create_function_v2(handle, name, 1, flags, nil, body, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(status, sql: "the function \(name)") }
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws. Inside
    /// another transaction it is a savepoint of that one (GRDB's nesting): its changes are undone
    /// if it throws, and otherwise commit or roll back with the outer transaction, so the
    /// store's writes compose into one.
    func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        let nested = sqlite3_get_autocommit(handle) == 0
        try execute(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE")
        defer { if !nested { resetCachedStatements() } }
        do {
            let result = try body()
            try execute(nested ? "RELEASE nested" : "COMMIT")
            return result
        } catch {
            try? execute(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a read transaction: every statement in it sees the same state of the
    /// database, whatever other processes commit meanwhile.
    func readTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN DEFERRED")
        defer {
            resetCachedStatements()
            try? execute("COMMIT")
        }
        return try body()
    }

    private func resetCachedStatements() {
        for statement in statements.values { statement.reset() }
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The value of a pragma or query that returns one integer.
    func integer(_ sql: String) throws -> Int64 {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int64(0) : 0
    }

    /// An error for a failed call, naming the database, the statement and SQLite's reason, with
    /// SQLite's own report (`SQLiteError`) as its cause.
    func error(_ status: Int32, sql: String, detail: String? = nil) -> SemfindError {
        Self.error(status, sql: sql, detail: detail, connection: handle, path: path)
    }

    /// `error(_:sql:detail:)` for a statement, which keeps its connection's handle and path
    /// rather than the database, so that the database's statement cache holds no cycle.
    static func error(
        _ status: Int32, sql: String, detail: String? = nil, connection: OpaquePointer, path: String
    ) -> SemfindError {
        let failure = SQLiteError(
            extendedCode: status, message: detail ?? String(cString: sqlite3_errmsg(connection)), sql: sql)
        switch failure.resultCode {
        case SQLITE_NOTADB:
            return SemfindError(
                .invalidInput, "\(path) is not a semfind index (not a SQLite database)", cause: failure)
        case SQLITE_CORRUPT:
            return SemfindError(
                .io, "index \(path) is corrupt (\(failure.message)); rebuild it with semfind index --rebuild",
                cause: failure)
        default:
            let statement = sql.split(separator: "\n").first.map(String.init) ?? sql
            return SemfindError(
                .io, "index \(path): \(failure.message) (SQLite code \(status), in: \(statement))", cause: failure)
        }
    }
}
