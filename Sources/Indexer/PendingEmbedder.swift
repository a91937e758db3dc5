import FileWalk
import Foundation
import IndexStorage
import SemfindCore
import TextEncoder

/// The pipeline's second phase: embeds the chunks stored without vectors, every file's opening
/// chunk first and then the rest, a group at a time, each group's vectors committed in one
/// transaction. A kill between groups loses nothing: the next run goes on from what still
/// waits. Chunks whose content already has a vector in the index reuse it. A chunk this run
/// wrote is encoded from the word pieces the chunker kept (`pieces`); any other (left waiting by
/// an earlier run, or past the pieces' memory limit) is tokenized here, and counted
/// (`IndexSummary.retokenized`).
///
/// A group's size follows the encoder's pace (`GroupPace`): between groups the encoder waits
/// while vectors are stored and the next group is claimed, so a fast encoder gets bigger groups,
/// and every group still takes about a second or less.
final class PendingEmbedder {
    let store: any VectorTable
    let encoder: SentenceEncoder
    let batchSize: Int
    private var pace: GroupPace
    private var pieces: PendingPieces

    init(store: any VectorTable, encoder: SentenceEncoder, batchSize: Int, pace: GroupPace, pieces: PendingPieces) {
        self.store = store
        self.encoder = encoder
        self.batchSize = batchSize
        self.pace = pace
        self.pieces = pieces
    }

    /// Embeds what waits until nothing does or `stop` is requested, counting into `summary`
    /// and reporting each group to `observe`.
    func run(summary: inout IndexSummary, stop: StopRequest?, _ observe: (IndexEvent) -> Void) throws {
        let waiting = try store.unembeddedCount()
        summary.unembedded = waiting
        guard waiting > 0 else { return }
        for openings in [true, false] {
            var after: Int64 = 0
            while stop?.isRequested != true {
                let group = try store.claimUnembedded(openings: openings, after: after, limit: pace.size)
                guard let last = group.last else { break }
                after = last.id
                let started = DispatchTime.now().uptimeNanoseconds
                let embedded = try embed(group)
                pace.record(seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
                summary.embedded += embedded.texts
                summary.retokenized += embedded.tokenized
                summary.unembedded -= group.count
                observe(.embedding(summary, waiting: waiting))
            }
        }
    }

    /// Stores the vectors of `group`; returns how many texts the encoder embedded, and how many
    /// of them were tokenized here.
    private func embed(_ group: [UnembeddedChunk]) throws -> (texts: Int, tokenized: Int) {
        var vectors = try store.vectors(forChunkHashes: group.map(\.hash))
        var sequences: [String: [Int32]] = [:]
        var texts: [String: String] = [:]
        for chunk in group where vectors[chunk.hash] == nil {
            if let kept = pieces.take(chunk.hash), let sequence = encoder.sequence(pieces: kept) {
                sequences[chunk.hash] = sequence
            } else if sequences[chunk.hash] == nil {
                texts[chunk.hash] = Chunk.embeddingText(text: chunk.text, headingPath: chunk.headingPath)
            }
        }
        let untokenized = Array(texts.keys)
        let tokenized = encoder.tokenizeAll(untokenized.compactMap { texts[$0] }, as: .passage)
        for (hash, sequence) in zip(untokenized, tokenized) { sequences[hash] = sequence }
        let hashes = Array(sequences.keys)
        let encoded = encoder.encode(tokenized: hashes.compactMap { sequences[$0] }, batchSize: batchSize)
        for (hash, vector) in zip(hashes, encoded) { vectors[hash] = vector }
        try store.storeVectors(group.compactMap { chunk in vectors[chunk.hash].map { (chunk.id, $0) } })
        return (hashes.count, untokenized.count)
    }
}
