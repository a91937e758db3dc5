import CSQLite
import Foundation
import SemfindCore

/// A prepared statement: bind parameters (1-based), step through rows, read columns (0-based).
/// Finalized when released.
final class SQLiteStatement {
    private let handle: OpaquePointer
    /// The connection and the database's path, for errors.
    private let connection: OpaquePointer
    private let path: String
    let sql: String

    init(_ handle: OpaquePointer, connection: OpaquePointer, path: String, sql: String) {
        self.handle = handle
        self.connection = connection
        self.path = path
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// SQLite copies bound strings and blobs before the bind call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Clears the previous run's bindings and state, then binds `values` in order.
    @discardableResult
    func bind(_ values: SQLiteValue...) throws -> SQLiteStatement {
        try bind(values)
    }

    @discardableResult
    func bind(_ values: [SQLiteValue]) throws -> SQLiteStatement {
        reset()
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, index)
            case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                // An explicit length keeps NUL characters; the terminator keeps "" from binding NULL.
                let bytes = Array(text.utf8) + [0]
                status = bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count - 1), Self.transient)
                    }
                }
            case .blob(let data):
                status = data.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient)
                }
            }
            guard status == SQLITE_OK else { throw failure(status) }
        }
        return self
    }

    /// Ends the current run (releasing the read a statement left on a row holds) and clears the
    /// bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Advances to the next row; false when there are no more.
    func step() throws -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure(status)
        }
    }

    /// Steps to completion, for statements that return no rows.
    func run() throws {
        while try step() {}
    }

    private func failure(_ status: Int32) -> SemfindError {
        SQLiteDatabase.error(status, sql: sql, connection: connection, path: path)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column's bytes, valid until the next step, reset or finalize.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, column), count: count)
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case text(String)
    case blob(Data)

    static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }
}
