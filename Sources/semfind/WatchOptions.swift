import ArgumentParser
import IndexSync

/// How a watch waits: for file events or by polling, and for another writer. The options
/// `watch` and `serve --watch` share.
struct WatchOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Rescan every SECONDS instead of following file events (portable).", valueName: "seconds"))
    var poll: Double?

    @Flag(name: .long, help: "If another semfind is writing the index, wait for it instead of failing.")
    var wait = false

    func validate() throws {
        if let poll, !(poll >= 0.1 && poll <= 86_400) {
            throw ValidationError("--poll must be between 0.1 and 86400 seconds")
        }
    }
}

extension WatchOptions {
    /// A follower's options: these, and how `indexing` walks, reads and chunks.
    func follow(_ indexing: IndexingOptions, embedGroupSize: Int? = nil) throws -> FollowOptions {
        FollowOptions(
            poll: poll, waitsForWriter: wait, walk: indexing.walk, indexOptions: indexing.indexOptions(roots:),
            registry: try indexing.registry(), embedGroupSize: embedGroupSize)
    }
}
