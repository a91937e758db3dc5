import IndexStorage
import VectorStore

/// The index's record of each walked file, looked up once: the walker asks whether a file is
/// known as it is (then it is neither read nor typed), and the preparer gets the record that
/// answer came from instead of asking the index again.
///
/// Used by the producer thread alone; it keeps only the last path's answer.
final class IndexedFileLookup {
    private let lookup: (String) throws -> FileRecord?
    private var last: (path: String, record: Result<FileRecord?, any Error>)?

    /// A lookup that asks `lookup` (the index) for a path it has not just answered for.
    init(_ lookup: @escaping (String) throws -> FileRecord?) {
        self.lookup = lookup
    }

    /// The index's record of `path`, or `nil` when it has none; the lookup's error, if it failed.
    func record(at path: String) throws -> FileRecord? {
        if let last, last.path == path { return try last.record.get() }
        let record = Result { try lookup(path) }
        last = (path, record)
        return try record.get()
    }
}
