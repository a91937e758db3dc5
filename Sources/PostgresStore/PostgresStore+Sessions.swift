import Foundation
import IndexStorage

extension PostgresStore {
    public func recordQuery(_ text: String, session: String, keepSeconds: Int64, keepCount: Int) throws {
        let now = Int64(Date().timeIntervalSince1970)
        try connection.transaction {
            try connection.execute(
                "INSERT INTO session_queries(session, query, asked_at) VALUES ($1, $2, $3)",
                [session, text, String(now)])
            try connection.execute("DELETE FROM session_queries WHERE asked_at < $1", [String(now - keepSeconds)])
            try connection.execute(
                """
                DELETE FROM session_queries WHERE session = $1 AND id NOT IN
                    (SELECT id FROM session_queries WHERE session = $1 ORDER BY asked_at DESC, id DESC LIMIT $2)
                """,
                [session, String(keepCount)])
        }
    }

    public func recentQueries(session: String, withinSeconds: Int64, limit: Int) throws -> [SessionQuery] {
        let since = Int64(Date().timeIntervalSince1970) - withinSeconds
        let rows = try connection.execute(
            """
            SELECT query, asked_at FROM session_queries WHERE session = $1 AND asked_at >= $2
            ORDER BY asked_at DESC, id DESC LIMIT $3
            """,
            [session, String(since), String(limit)])
        return (0..<rows.count).map { SessionQuery(text: rows.text($0, 0), askedAt: rows.int64($0, 1)) }
    }

    @discardableResult
    public func clearSession(_ session: String) throws -> Int {
        Int(
            try connection.integer(
                "WITH gone AS (DELETE FROM session_queries WHERE session = $1 RETURNING 1) SELECT count(*) FROM gone",
                [session]))
    }
}
