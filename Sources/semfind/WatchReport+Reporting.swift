import IndexSync
import ResultOutput

/// `watch`'s and `serve --watch`'s reporter: ResultOutput's `WatchReport`, as the follower
/// reports.
extension WatchReport: WatchReporting {}
