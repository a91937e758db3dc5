import Foundation
import VectorStore

/// The parts of a search that need no query vector — mapping the vectors and the keyword
/// search — run on a second thread with its own connection to the index, while the caller
/// loads the model and encodes the query: on two cores a one-shot search takes the longer of
/// the two instead of their sum.
///
/// A long-lived engine hands back the connection the thread used, so that the next search's
/// thread finds it open and its page cache warm.
///
/// `@unchecked Sendable`: the thread writes the results, the connection and the failure before
/// it signals `done`; they are read only after `wait()` has received that signal, and the
/// connection given to `init` is not used by anyone else until then.
final class Prefetch: @unchecked Sendable {
    typealias KeywordMatches = [(chunkID: Int64, fileID: Int64, score: Double)]

    private let done = DispatchSemaphore(value: 0)
    private var index: (any SemanticIndex)?
    private var keyword: KeywordMatches = []
    private var store: IndexStore?
    private var failure: (any Error)?
    private var finished = false

    /// Starts the thread: opens `indexPath` unless `store` is given, loads the vectors when
    /// `loadIndex`, then runs `keywordSearch` if given.
    init(
        indexPath: String, store given: IndexStore?, loadIndex: Bool,
        keywordSearch: (@Sendable (IndexStore) throws -> KeywordMatches)?
    ) {
        store = given
        let thread = Thread { [self] in
            defer { done.signal() }
            do {
                let store = try self.store ?? IndexStore(path: indexPath, create: false)
                self.store = store
                if loadIndex { index = try SemanticIndexLoader.load(store: store) }
                if let keywordSearch { keyword = try keywordSearch(store) }
            } catch {
                failure = error
            }
        }
        thread.name = "semfind-search-prefetch"
        thread.start()
    }

    /// Waits for the thread (once; later calls return at once); rethrows what stopped it.
    func wait() throws -> (index: (any SemanticIndex)?, keyword: KeywordMatches, store: IndexStore?) {
        if !finished {
            done.wait()
            finished = true
        }
        if let failure { throw failure }
        return (index, keyword, store)
    }
}
