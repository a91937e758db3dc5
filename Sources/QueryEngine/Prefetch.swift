import Foundation
import IndexBackends
import IndexStorage

/// The parts of a search that need no query vector — mapping the vectors and the keyword
/// search — run on a second thread with its own connection to the index, while the caller
/// loads the model and encodes the query: on two cores a one-shot search takes the longer of
/// the two instead of their sum. The vectors are handed over as soon as they are mapped, so the
/// caller's scan overlaps the keyword search.
///
/// A long-lived engine hands back the connection the thread used, so that the next search's
/// thread finds it open and its page cache warm.
///
/// `@unchecked Sendable`: the thread writes the vectors (or the failure to load them) before it
/// signals `indexReady`, and the rest before it signals `done`; each is read only after its
/// signal was received, and the connection given to `init` is not used by anyone else until
/// `done`.
final class Prefetch: @unchecked Sendable {
    typealias KeywordMatches = [(chunkID: Int64, fileID: Int64, score: Double)]

    private let indexReady = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var index: (any SemanticIndex)?
    private var keyword: KeywordMatches = []
    private var store: (any IndexBackend)?
    private var failure: (any Error)?
    private var indexFailure: (any Error)?
    private var finished = false
    private var indexReceived = false

    /// Starts the thread: opens `index` unless `store` is given, loads the vectors when
    /// `loadIndex` (knowing their sections with `sections`), then runs `keywordSearch` if given.
    init(
        index: IndexAddress, store given: (any IndexBackend)?, loadIndex: Bool, sections: Bool = false,
        keywordSearch: (@Sendable (any IndexBackend) throws -> KeywordMatches)?
    ) {
        store = given
        let thread = Thread { [self] in
            defer { done.signal() }
            do {
                let store: any IndexBackend
                do {
                    store = try self.store ?? index.open(create: false)
                    self.store = store
                    if loadIndex { self.index = try SemanticIndexLoader.load(backend: store, sections: sections) }
                } catch {
                    indexFailure = error
                    indexReady.signal()
                    throw error
                }
                indexReady.signal()
                if let keywordSearch { keyword = try keywordSearch(store) }
            } catch {
                failure = error
            }
        }
        thread.name = "semfind-search-prefetch"
        thread.start()
    }

    /// Waits for the vectors (once; later calls return at once): nil when `loadIndex` was false.
    func waitForIndex() throws -> (any SemanticIndex)? {
        if !indexReceived {
            indexReady.wait()
            indexReceived = true
        }
        if let indexFailure { throw indexFailure }
        return index
    }

    /// Waits for the thread (once; later calls return at once); rethrows what stopped it.
    func wait() throws -> (index: (any SemanticIndex)?, keyword: KeywordMatches, store: (any IndexBackend)?) {
        if !finished {
            done.wait()
            finished = true
        }
        if let failure { throw failure }
        return (index, keyword, store)
    }
}
