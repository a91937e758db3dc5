/// One writer per root folder: a run claims the roots it indexes before it writes, and holds
/// them until its store is closed.
public protocol RootClaims: AnyObject {
    /// Claims `roots` for this store's writes.
    ///
    /// - Throws: `SemfindError` `.invalidInput` naming the root when another writer holds it.
    func claimRoots(_ roots: [String]) throws
}
