import CSQLite
import SemfindCore

/// `spaceless_runs(text)`, the SQL function through which the trigram index keeps only each
/// chunk's runs of Chinese and Japanese (`SpacelessText.runs`), NULL when it has none: the only
/// text a trigram query searches. Every connection defines it, since the triggers that keep the
/// trigram index call it.
enum SpacelessRunsFunction {
    static let name = "spaceless_runs"

    static func define(on database: SQLiteDatabase) throws {
        try database.defineFunction(name) { context, _, arguments in
            guard let value = arguments?[0], let bytes = sqlite3_value_text(value) else {
                sqlite3_result_null(context)
                return
            }
            let text = String(
                decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value))), as: UTF8.self)
            guard let runs = SpacelessText.runs(of: text) else {
                sqlite3_result_null(context)
                return
            }
            sqlite3_result_text(context, runs, -1, SQLiteStatement.transient)
        }
    }
}
