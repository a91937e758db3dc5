import Foundation
import IndexBackends
import SemfindCore
import TextEncoder

extension ModelLocator {
    /// The folder of the model that embeds the index at `index`: `explicit` (a path, or a
    /// bare name looked up in the models folder), then `SEMFIND_MODEL`, then the model the index
    /// names, then the default. The index still checks the loaded model's fingerprint
    /// (`IndexRecords.bindModel`), so a folder of the same name holding other weights is refused.
    ///
    /// - Throws: `SemfindError` `.modelNotFound` when the index's model is not installed, saying
    ///   how to install it.
    public func locate(explicit: String?, forIndexAt index: IndexAddress?) throws -> URL {
        guard explicit == nil, environment["SEMFIND_MODEL"].map({ $0.isEmpty }) ?? true,
            let name = try index?.openExisting()?.modelName()
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
}

extension EncoderPrompts {
    /// The prompts to load the model in `folder` with for the index at `index`: `query` and
    /// `passage` where given (`--query-prefix`, `--passage-prefix`), else those the index's
    /// vectors were embedded with when they are this model's, else the folder's own.
    public static func chosen(
        folder: URL, forIndexAt index: IndexAddress?, query: String?, passage: String?
    ) throws -> EncoderPrompts {
        var base = try load(folder: folder)
        if let store = try index?.openExisting() {
            if try store.modelName() == folder.lastPathComponent, let recorded = try store.recordedPrefixes() {
                base = EncoderPrompts(query: recorded.query, passage: recorded.passage)
            }
        }
        return base.replacing(query: query, passage: passage)
    }
}
