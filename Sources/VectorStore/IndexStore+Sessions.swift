import Foundation
import IndexStorage

extension IndexStore {
    /// Remembers `text` as asked in `session` now, and forgets what is older than `keepSeconds`
    /// or beyond the `keepCount` most recent queries of the session.
    public func recordQuery(_ text: String, session: String, keepSeconds: Int64, keepCount: Int) throws {
        let now = Int64(Date().timeIntervalSince1970)
        try database.transaction {
            try database.prepare("INSERT INTO session_queries(session, query, asked_at) VALUES (?, ?, ?)")
                .bind(.text(session), .text(text), .integer(now)).run()
            try database.prepare("DELETE FROM session_queries WHERE asked_at < ?")
                .bind(.integer(now - keepSeconds)).run()
            try database.prepare(
                """
                DELETE FROM session_queries WHERE session = ? AND rowid NOT IN
                    (SELECT rowid FROM session_queries WHERE session = ? ORDER BY asked_at DESC, rowid DESC LIMIT ?)
                """
            ).bind(.text(session), .text(session), .int(keepCount)).run()
        }
    }

    /// The session's queries asked within `withinSeconds`, most recent first.
    public func recentQueries(session: String, withinSeconds: Int64, limit: Int) throws -> [SessionQuery] {
        let since = Int64(Date().timeIntervalSince1970) - withinSeconds
        let statement = try database.prepare(
            """
            SELECT query, asked_at FROM session_queries WHERE session = ? AND asked_at >= ?
            ORDER BY asked_at DESC, rowid DESC LIMIT ?
            """
        ).bind(.text(session), .integer(since), .int(limit))
        var queries: [SessionQuery] = []
        while try statement.step() {
            queries.append(SessionQuery(text: statement.text(0), askedAt: statement.int64(1)))
        }
        return queries
    }

    /// Forgets every query of `session`; returns how many there were.
    @discardableResult
    public func clearSession(_ session: String) throws -> Int {
        try database.prepare("DELETE FROM session_queries WHERE session = ?").bind(.text(session)).run()
        return Int(try database.integer("SELECT changes()"))
    }
}
