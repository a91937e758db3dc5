import SemfindCore

/// A folder on the walker's stack: its sorted entry names, the next one to visit, and the
/// ignore rules in force inside it.
struct PendingFolder {
    /// Absolute path.
    let path: String
    /// Path below the root, "" for the root itself.
    let relativePath: String
    let identity: FileStatus.Identity
    let rules: IgnoreRules
    let names: [[UInt8]]
    /// Index into `names` of the next entry to visit.
    var next = 0
}
