/// Where an index's database lives; its snapshot and lock go beside its path either way.
///
/// semfind's indexes are files. In memory, the database is a SQLite memory database named after
/// the index's path, shared by every store this process opens on that path and gone when the
/// last of them closes: the same schema and code, for tests (the store's test bodies run against
/// both) and for an index that need not outlive its process.
public enum DatabaseLocation: String, CaseIterable, Sendable {
    case file
    case memory
}
