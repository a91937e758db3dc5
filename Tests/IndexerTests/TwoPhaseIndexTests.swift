import FileWalk
import Foundation
import MarkdownFormat
import QueryEngine
import SemfindCore
import TestSupport
import Testing
import TextEncoder
import TextFormat
import VectorStore

@testable import Indexer

/// A run writes every file's chunks first and embeds them after: what a stop in the embedding
/// phase leaves, what a search finds meanwhile, and how the next run goes on.
@Suite("Searchable before embedded")
struct TwoPhaseIndexTests {
    let model: TinyBertModel
    let encoder: SentenceEncoder
    let tree: TempTree
    let indexPath: String

    init() throws {
        model = try TinyBertModel()
        encoder = try SentenceEncoder(folder: model.folder, threads: 2)
        tree = try TempTree()
        indexPath = try TestScratch.file("two-phase", named: "index.sqlite")
        for number in 0..<12 {
            let topic = number == 7 ? "the zephyrine kettle descales overnight" : "ordinary note number \(number)"
            try tree.file(
                "notes/note-\(number).md",
                "# Note \(number)\n\nOpening words about \(topic).\n\n## More\n\nLater words, part two of \(number).\n")
        }
    }

    /// Runs the pipeline in groups of two chunks; stops once `stopAfterGroups` embedding groups
    /// were committed (never when nil).
    func run(stopAfterGroups: Int? = nil) throws -> (IndexSummary, [IndexEvent]) {
        let stop = StopRequest()
        let pipeline = IndexPipeline(
            storePath: indexPath, encoder: encoder, registry: FormatRegistry([MarkdownFormat(), TextFormat()]),
            options: IndexOptions(
                roots: [tree.root], chunker: ChunkerOptions(budget: 20, overlap: 4), writeGroupSize: 2,
                embedGroupSize: 2))
        var events: [IndexEvent] = []
        var groups = 0
        let summary = try pipeline.run(stop: stop) { event in
            events.append(event)
            if case .embedding = event {
                groups += 1
                if groups == stopAfterGroups { stop.request() }
            }
        }
        return (summary, events)
    }

    @Test("stopped while embedding: every file is stored, the openings were embedded first, the rest waits")
    func stopWhileEmbedding() throws {
        let (summary, events) = try run(stopAfterGroups: 3)
        #expect(summary.indexed == 12 && summary.chunks == 24)
        #expect(summary.interrupted)
        #expect(summary.unembedded == 24 - 6, "three groups of two were committed")
        let store = try IndexStore(path: indexPath, create: false)
        let status = try store.status()
        #expect(status.files == 12 && status.chunks == 24 && status.vectors == 6 && status.unembedded == 18)
        let waiting = try store.unembeddedChunks(openings: true, after: 0, limit: 100)
        #expect(waiting.count == 6, "12 openings, 6 embedded: only openings so far")
        #expect(try store.unembeddedChunks(openings: false, after: 0, limit: 100).count == 12)
        let phases = events.compactMap { event -> Int? in
            if case .embedding(_, let waiting) = event { return waiting }
            return nil
        }
        #expect(phases == [24, 24, 24], "each group reports against the 24 that waited")
    }

    @Test("meanwhile a search finds unembedded chunks by their words and says how much is embedded")
    func searchWhileEmbedding() throws {
        _ = try run(stopAfterGroups: 1)
        let store = try IndexStore(path: indexPath, create: false)
        let engine = SearchEngine(store: store) { _ in encoder }
        let response = try engine.search(SearchRequest(query: "zephyrine kettle descales", appliesFloor: false))
        #expect(response.embedding == EmbeddingProgress(embedded: 2, chunks: 24))
        #expect(response.warnings.contains { $0.hasPrefix("embedded 8% (2 of 24 chunks)") }, "\(response.warnings)")
        // The tiny random model's similarities say nothing; the words find the unembedded note.
        let found = try #require(response.results.first { $0.hit.path.hasSuffix("note-7.md") })
        #expect(found.byKeywordsAlone && found.similarity == nil)
    }

    @Test("the next run embeds what waits, and only that; the vectors are the encoder's")
    func resume() throws {
        _ = try run(stopAfterGroups: 2)
        let (summary, _) = try run()
        #expect(summary.indexed == 0 && summary.unchanged == 12)
        #expect(summary.embedded == 20 && summary.unembedded == 0 && !summary.interrupted)
        let store = try IndexStore(path: indexPath, create: false)
        let status = try store.status()
        #expect(status.chunks == 24 && status.vectors == 24 && status.unembedded == 0)
        let response = try SearchEngine(store: store) { _ in encoder }
            .search(SearchRequest(query: "zephyrine kettle descales", appliesFloor: false))
        #expect(response.embedding == nil && response.warnings.allSatisfy { !$0.hasPrefix("embedded") })
        let stored = try store.chunksWithVectors()
        for chunk in stored.prefix(4) {
            let expected = encoder.encode([Chunk.embeddingText(text: chunk.text, headingPath: chunk.headingPath)])[0]
            let vector = try #require(chunk.vector)
            let cosine = zip(expected, vector).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            #expect(cosine > 0.99, "stored int8 rows are the encoder's vectors, quantized")
        }
    }
}
