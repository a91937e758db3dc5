import Foundation

/// An `IndexFollower` on a thread of its own (`serve --watch`), with its own encoder and SQLite
/// connections, so that a server answers requests while batches are indexed.
///
/// `@unchecked Sendable`: the follower is used only by the thread `start` creates.
public final class BackgroundFollower: @unchecked Sendable {
    private var follower: IndexFollower

    public init(_ follower: IndexFollower) {
        self.follower = follower
    }

    /// Runs the follower until it stops (a stop request) or fails, then calls `finished` on its
    /// thread with nil or the error that ended it.
    public func start(then finished: @escaping @Sendable ((any Error)?) -> Void) {
        let thread = Thread { [self] in
            do {
                try follower.run()
                finished(nil)
            } catch {
                finished(error)
            }
        }
        thread.name = "semfind-serve-watch"
        thread.start()
    }
}
