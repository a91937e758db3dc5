import CSQLite

/// A failed SQLite call, as SQLite reported it: the extended result code, SQLite's message and
/// the statement that failed. It travels as the `cause` of the `SemfindError` a person reads
/// (`SQLiteDatabase.error`), so a caller can branch on the code without parsing the message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, …).
    public let extendedCode: Int32
    /// SQLite's reason.
    public let message: String
    /// The statement that failed; nil for opening the database.
    public let sql: String?

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
    public var resultCode: Int32 { extendedCode & 0xFF }

    public var description: String {
        let statement = sql.map { ", in: \($0.split(separator: "\n").first.map(String.init) ?? $0)" } ?? ""
        return "SQLite code \(extendedCode): \(message)\(statement)"
    }
}
