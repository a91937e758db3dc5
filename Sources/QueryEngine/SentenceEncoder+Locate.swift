import Foundation
import IndexBackends
import TextEncoder

extension SentenceEncoder {
    /// The model `model` names (a folder, or a name in the models folder) loaded; without one,
    /// the model the index at `index` was built with (`ModelLocator.locate`). `precision`
    /// defaults to the one the index's vectors come from, else a new index's; the prompts are the
    /// prefixes given, else those the index recorded, else the model's (`EncoderPrompts.chosen`).
    public static func locating(
        model: String?, forIndexAt index: IndexAddress?, threads: Int, precision: EncoderPrecision?,
        int8Kernel: Int8Kernel = .best, queryPrefix: String? = nil, passagePrefix: String? = nil
    ) throws -> SentenceEncoder {
        let folder = try ModelLocator().locate(explicit: model, forIndexAt: index)
        let arithmetic = try precision ?? index.map(EncoderPrecision.of(indexAt:)) ?? .newIndexDefault
        let prompts = try EncoderPrompts.chosen(
            folder: folder, forIndexAt: index, query: queryPrefix, passage: passagePrefix)
        return try SentenceEncoder(
            folder: folder, threads: threads, precision: arithmetic, int8Kernel: int8Kernel, prompts: prompts)
    }
}
