import Foundation
import IndexSync
import SemfindCore

/// `serve --watch`'s writing side: an `IndexFollower` on a thread of its own, with its own
/// encoder and SQLite connections, so that requests are answered while batches are indexed.
/// When the follower stops (a signal, the end of input) the server ends with status 0, once
/// the batch in flight is written; when it fails, with the error on stderr and status 2.
///
/// `@unchecked Sendable`: the follower is used only by the thread `start` creates.
final class ServeWatch: @unchecked Sendable {
    private var follower: IndexFollower

    init(_ follower: IndexFollower) {
        self.follower = follower
    }

    func start(until lifetime: ServeLifetime) {
        let thread = Thread { [self] in
            do {
                try follower.run()
                lifetime.end(0)
            } catch {
                let message = (error as? SemfindError)?.message ?? "\(error)"
                FileHandle.standardError.write(Data("semfind: error: watching stopped: \(message)\n".utf8))
                lifetime.end(2)
            }
        }
        thread.name = "semfind-serve-watch"
        thread.start()
    }
}
