/// One thing the walker reports, in walk order: a file to index or an entry it skipped.
public enum WalkEvent: Sendable {
    /// A regular, non-binary file within the size limit.
    case file(WalkedFile)
    /// An entry that is reported and left out; the walk goes on.
    case skipped(SkippedFile)
}
