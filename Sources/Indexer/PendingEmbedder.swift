import FileWalk
import IndexStorage
import SemfindCore
import TextEncoder

/// The pipeline's second phase: embeds the chunks stored without vectors, every file's opening
/// chunk first and then the rest, a group at a time, each group's vectors committed in one
/// transaction. A kill between groups loses nothing: the next run goes on from what still
/// waits. Chunks whose content already has a vector in the index reuse it.
struct PendingEmbedder {
    let store: any VectorTable
    let encoder: SentenceEncoder
    let batchSize: Int
    /// Chunks embedded and committed together.
    let groupSize: Int

    /// Embeds what waits until nothing does or `stop` is requested, counting into `summary`
    /// and reporting each group to `observe`.
    func run(summary: inout IndexSummary, stop: StopRequest?, _ observe: (IndexEvent) -> Void) throws {
        let waiting = try store.unembeddedCount()
        summary.unembedded = waiting
        guard waiting > 0 else { return }
        for openings in [true, false] {
            var after: Int64 = 0
            while stop?.isRequested != true {
                let group = try store.unembeddedChunks(openings: openings, after: after, limit: groupSize)
                guard let last = group.last else { break }
                after = last.id
                summary.embedded += try embed(group)
                summary.unembedded -= group.count
                observe(.embedding(summary, waiting: waiting))
            }
        }
    }

    /// Stores the vectors of `group`; returns how many texts the encoder embedded.
    private func embed(_ group: [UnembeddedChunk]) throws -> Int {
        var vectors = try store.vectors(forChunkHashes: group.map(\.hash))
        var texts: [String: String] = [:]
        for chunk in group where vectors[chunk.hash] == nil {
            texts[chunk.hash] = Chunk.embeddingText(text: chunk.text, headingPath: chunk.headingPath)
        }
        let hashes = Array(texts.keys)
        for (hash, vector) in zip(
            hashes, encoder.encode(hashes.compactMap { texts[$0] }, as: .passage, batchSize: batchSize))
        {
            vectors[hash] = vector
        }
        try store.storeVectors(group.compactMap { chunk in vectors[chunk.hash].map { (chunk.id, $0) } })
        return hashes.count
    }
}
