import Foundation
import IndexStorage

/// What the keyword search asks the index on every query and what changes only with the
/// index's content: how many chunks hold each word (FTS5 counts them by walking the word's
/// whole list, a millisecond for a common word) and how many chunks there are. Kept for one
/// generation of the index: a lookup first reads the generation, and a new one empties the
/// cache (every change of chunks advances it).
///
/// `@unchecked Sendable`: every access holds `lock`; a long-lived engine's searches, each on
/// its own prefetch thread, share it.
final class IndexCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var generation: Int64?
    private var frequencies: [String: Int] = [:]
    private var chunks: Int?

    /// `store.chunkFrequencies(of: words)` and `store.chunkCount()`, from memory when this
    /// generation already answered them.
    func lookUp(_ words: [String], in store: any KeywordIndex) throws -> (frequencies: [String: Int], chunkCount: Int) {
        try lock.withLock {
            let current = try store.generation()
            if current != generation {
                generation = current
                frequencies = [:]
                chunks = nil
            }
            let missing = words.filter { frequencies[$0] == nil }
            if !missing.isEmpty {
                frequencies.merge(try store.chunkFrequencies(of: missing)) { _, fresh in fresh }
            }
            let count = try chunks ?? store.chunkCount()
            chunks = count
            return (Dictionary(uniqueKeysWithValues: words.map { ($0, frequencies[$0] ?? 0) }), count)
        }
    }
}
