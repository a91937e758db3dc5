import SemfindCore

/// One writer per root folder: a run claims the roots it indexes before it writes, and holds
/// them until its store is closed.
public protocol RootClaims: AnyObject {
    /// Claims what it can of `roots` for this store's writes; returns the roots another writer
    /// holds (none: every root is this store's).
    func claimRoots(_ roots: [String]) throws -> [String]
}

extension RootClaims {
    /// Claims every one of `roots`, or throws.
    ///
    /// - Throws: `SemfindError` `.invalidInput` naming a root another writer holds.
    public func claimEveryRoot(_ roots: [String], index: String) throws {
        if let held = try claimRoots(roots).first { throw SemfindError.rootBusy(held, index: index) }
    }
}

extension SemfindError {
    /// The refusal of a run whose root `root` of `index` another writer holds.
    public static func rootBusy(_ root: String, index: String) -> SemfindError {
        SemfindError(
            .invalidInput,
            "another semfind is indexing \(root) into \(index); wait for it to finish, or index another folder")
    }
}
