/// The recent queries of each shell session, which a short query is read with.
public protocol SessionLog: AnyObject {
    /// Records `text` as asked now in `session`, keeping at most `keepCount` queries of the
    /// session and none older than `keepSeconds`.
    func recordQuery(_ text: String, session: String, keepSeconds: Int64, keepCount: Int) throws
    /// The session's queries of the last `withinSeconds`, newest first, at most `limit`.
    func recentQueries(session: String, withinSeconds: Int64, limit: Int) throws -> [SessionQuery]
    /// Forgets the session's queries; returns how many there were.
    @discardableResult
    func clearSession(_ session: String) throws -> Int
}
