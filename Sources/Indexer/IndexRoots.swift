import Foundation
import SemfindCore
import TextEncoder
import VectorStore

/// Which folders a `semfind index` run indexes, and the index work that needs no walk.
public enum IndexRoots {
    /// The roots of a run over the index at `indexPath`: `given`, else the roots the index
    /// records. With `rebuilding`, the index is removed once its roots are read (none when it
    /// does not exist).
    ///
    /// - Throws: `SemfindError` `.invalidInput` when there is nothing to index.
    public static func resolve(given: [String], indexPath: String, rebuilding: Bool) throws -> [String] {
        var roots = given
        if rebuilding {
            if roots.isEmpty, FileManager.default.fileExists(atPath: indexPath) {
                roots = try IndexStore(path: indexPath, create: false).status().roots
            }
            try IndexStore.remove(path: indexPath)
        } else if roots.isEmpty {
            roots = try IndexStore(path: indexPath, create: false).status().roots
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
