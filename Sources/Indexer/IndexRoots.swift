import Foundation
import IndexBackends
import SemfindCore
import TextEncoder
import VectorStore

/// Which folders a `semfind index` run indexes, and the index work that needs no walk.
public enum IndexRoots {
    /// The roots of a run over `index`: `given`, else the roots the index records. With
    /// `rebuilding`, a SQLite index is removed once its roots are read (none when it does not
    /// exist); a PostgreSQL index, shared by a team, is not removed by semfind.
    ///
    /// - Throws: `SemfindError` `.invalidInput` when there is nothing to index, or for a
    ///   rebuild of a PostgreSQL index.
    public static func resolve(given: [String], index: IndexAddress, rebuilding: Bool) throws -> [String] {
        var roots = given
        if rebuilding {
            guard let indexPath = index.sqlitePath else {
                throw SemfindError(
                    .invalidInput,
                    "semfind does not delete a PostgreSQL index; drop its schema (DROP SCHEMA name CASCADE), then index again"
                )
            }
            if roots.isEmpty, FileManager.default.fileExists(atPath: indexPath) {
                roots = try IndexStore(path: indexPath, create: false).status().roots
            }
            try IndexStore.remove(path: indexPath)
        } else if roots.isEmpty {
            roots = try index.open(create: false).status().roots
        }
        guard !roots.isEmpty else {
            throw SemfindError(.invalidInput, "nothing to index: give a folder, e.g. semfind index ~/notes")
        }
        return roots
    }

    /// `semfind index --reindex-vectors` with no folder: the IVF lists trained anew from the
    /// stored vectors, the model bound (`load` gives the index's encoder, loaded only once the
    /// lists are trained) and the relevance floor measured again. No file is read.
    public static func retrainVectors(indexPath: String, encoder load: () throws -> SentenceEncoder) throws {
        let store = try IndexStore(path: indexPath, create: false)
        try store.refreshVectorIndex(retrain: true)
        let encoder = try load()
        try store.checkPrefixes(query: encoder.prompts.query, passage: encoder.prompts.passage, model: encoder.name)
        try store.bindModel(
            fingerprint: encoder.fingerprint, signature: encoder.fileSignature(), name: encoder.name,
            dimension: encoder.dimension)
        try store.refreshRelevanceFloor(force: true, encoder: encoder)
    }
}
