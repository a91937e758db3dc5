/// A store whose writes compose: everything `body` writes through the store's other protocols
/// commits in one transaction, or nothing does (GRDB's `write { db in … }`).
public protocol Transactional: AnyObject {
    func write<Result>(_ body: () throws -> Result) throws -> Result
}
