import IndexStorage
import SemfindCore

/// One writer per root: a session-level advisory lock per root folder of the index, taken
/// without waiting and held as long as the store's connection, so that several machines index
/// several roots into one database at once and never two runs one root.
extension PostgresStore: RootClaims {
    public func claimRoots(_ roots: [String]) throws {
        for root in roots {
            let claimed = try connection.execute(
                "SELECT pg_try_advisory_lock(hashtextextended($1, 0))", ["semfind root \(address.schema) \(root)"])
            guard claimed.text(0, 0) == "t" else {
                throw SemfindError(
                    .invalidInput,
                    "another semfind is indexing \(root) into \(address); wait for it to finish, or index another folder"
                )
            }
        }
    }
}
