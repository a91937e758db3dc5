import Foundation
import SemfindCore
import TextEncoder
import VectorStore

extension ModelLocator {
    /// The folder of the model that embeds the index at `indexPath`: `explicit` (a path, or a
    /// bare name looked up in the models folder), then `SEMFIND_MODEL`, then the model the index
    /// names, then the default. The index still checks the loaded model's fingerprint
    /// (`IndexStore.bindModel`), so a folder of the same name holding other weights is refused.
    ///
    /// - Throws: `SemfindError` `.modelNotFound` when the index's model is not installed, saying
    ///   how to install it.
    public func locate(explicit: String?, forIndexAt indexPath: String?) throws -> URL {
        guard explicit == nil, environment["SEMFIND_MODEL"].map({ $0.isEmpty }) ?? true,
            let name = try indexPath.flatMap(Self.boundModelName(indexAt:))
        else { return try locate(explicit: explicit) }
        do {
            return try locate(explicit: nil, name: name)
        } catch let error as SemfindError where error.code == .modelNotFound {
            throw SemfindError(
                .modelNotFound,
                "this index was built with \(name), which is not installed; install it with semfind model install \(name)"
            )
        }
    }

    /// The name of the model the index at `path` was built with; nil for no index or no vectors.
    static func boundModelName(indexAt path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try IndexStore(path: path, create: false).meta().modelName
    }
}

extension EncoderPrompts {
    /// The prompts to load the model in `folder` with for the index at `indexPath`: `query` and
    /// `passage` where given (`--query-prefix`, `--passage-prefix`), else those the index's
    /// vectors were embedded with when they are this model's, else the folder's own.
    public static func chosen(
        folder: URL, forIndexAt indexPath: String?, query: String?, passage: String?
    ) throws -> EncoderPrompts {
        var base = try load(folder: folder)
        if let indexPath, FileManager.default.fileExists(atPath: indexPath) {
            let store = try IndexStore(path: indexPath, create: false)
            if try store.meta().modelName == folder.lastPathComponent, let recorded = try store.recordedPrefixes() {
                base = EncoderPrompts(query: recorded.query, passage: recorded.passage)
            }
        }
        return base.replacing(query: query, passage: passage)
    }
}
