/// The files an index holds: what `semfind index` reads to pass over unchanged files, and
/// writes one file at a time.
///
/// A backend keeps the one-transaction-per-file rule: `replaceFile` and `removeFile` change a
/// file's record, chunks, keyword entries and vectors together or not at all.
public protocol FileCatalog: AnyObject {
    /// The record of the file at `path`, nil when the index does not hold it.
    func file(at path: String) throws -> FileRecord?
    /// The paths of the files indexed under the root folder `root`.
    func filePaths(underRoot root: String) throws -> [String]
    /// The paths of the file `path` and of the files inside the folder `path`.
    func filePaths(atOrUnder path: String) throws -> [String]
    /// Every indexed file, as search filters see it.
    func indexedFiles() throws -> [IndexedFile]
    /// Replaces everything stored for one file with `chunks`: those with a vector are stored
    /// with it, the others wait for one (`VectorTable.unembeddedChunks`); chunk ids are new and
    /// never reused.
    func replaceFile(_ record: FileRecord, root: String, chunks: [StoredChunk]) throws
    /// Records a new size and modification time for a file whose content did not change.
    func updateStat(ofFileAt path: String, size: Int, modified: Int64) throws
    /// Removes a file with its chunks and vectors.
    func removeFile(at path: String) throws
}
