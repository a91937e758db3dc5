import CPostgres
import Foundation
import SemfindCore

/// One libpq connection, used by one thread: statements with text parameters, and transactions
/// that nest (an inner one is a savepoint of the outer).
final class PostgresConnection {
    let address: PostgresAddress
    private let libpq: LibPQ
    private let handle: OpaquePointer
    private var transactionDepth = 0

    /// Connects to the server `address` names; libpq finds the password, TLS settings and
    /// defaults in its usual places (password file, `PG*` environment).
    ///
    /// - Throws: `SemfindError` `.io` with a `PostgresError` cause: the server is unreachable,
    ///   refused the login, or has no such database.
    init(_ address: PostgresAddress) throws {
        self.address = address
        let libpq = try LibPQ.shared.get()
        self.libpq = libpq
        guard let handle = libpq.connectdb(address.connectionString) else {
            throw SemfindError(.io, "cannot connect to \(address): libpq is out of memory")
        }
        guard libpq.status(handle) == CONNECTION_OK else {
            let message = libpq.errorMessage(handle).map { String(cString: $0) } ?? ""
            let cause = PostgresError(sqlState: PostgresError.connectionFailed, message: message)
            libpq.finish(handle)
            throw SemfindError(
                .io,
                "cannot connect to \(address): \(cause.message); check the host, port and user, and the password in "
                    + "~/.pgpass (or PGPASSFILE, PGPASSWORD)", cause: cause)
        }
        self.handle = handle
    }

    deinit {
        libpq.finish(handle)
    }

    /// Runs one statement with `parameters` bound to $1, $2, … as text (nil is NULL) and returns
    /// its rows, in text form unless `binary` (each column in its type's binary form: read with
    /// `PostgresRows`' binary accessors); without parameters, `sql` may hold several statements
    /// (the last one's rows are returned). Text cannot hold NUL in PostgreSQL: a NUL in a
    /// parameter arrives as U+FFFD.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = [], binary: Bool = false) throws -> PostgresRows {
        let values: [UnsafeMutablePointer<CChar>?] = parameters.map { value in
            value.flatMap {
                $0.utf8.contains(0) ? strdup($0.replacingOccurrences(of: "\0", with: "\u{FFFD}")) : strdup($0)
            }
        }
        defer { values.forEach { free($0) } }
        let pointers = values.map { $0.map { UnsafePointer($0) } }
        let result =
            pointers.isEmpty && !binary
            ? libpq.exec(handle, sql)
            : libpq.execParams(handle, sql, Int32(pointers.count), nil, pointers, nil, nil, binary ? 1 : 0)
        guard let result else { throw failure(sql, PostgresError(sqlState: "", message: lastMessage)) }
        let status = libpq.resultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let sqlState = libpq.resultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message =
                libpq.resultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? lastMessage
            libpq.clear(result)
            throw failure(sql, PostgresError(sqlState: sqlState, message: message))
        }
        return PostgresRows(result, libpq)
    }

    /// The one value of a query that returns one row of one column, as an integer.
    func integer(_ sql: String, _ parameters: [String?] = []) throws -> Int64 {
        let rows = try execute(sql, parameters)
        guard rows.count > 0 else { throw failure(sql, PostgresError(sqlState: "", message: "no row")) }
        return rows.int64(0, 0)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Inside another transaction it is a savepoint, undone alone when it throws.
    func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        let savepoint = "semfind_\(transactionDepth)"
        try execute(transactionDepth == 0 ? "BEGIN" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        do {
            let result = try body()
            transactionDepth -= 1
            try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
            return result
        } catch {
            transactionDepth -= 1
            _ = try? execute(transactionDepth == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(savepoint)")
            throw error
        }
    }

    private var lastMessage: String { libpq.errorMessage(handle).map { String(cString: $0) } ?? "" }

    private func failure(_ sql: String, _ cause: PostgresError) -> SemfindError {
        let statement = sql.split(separator: "\n").first.map(String.init) ?? sql
        return SemfindError(.io, "index \(address): \(cause.message) (in: \(statement))", cause: cause)
    }
}
