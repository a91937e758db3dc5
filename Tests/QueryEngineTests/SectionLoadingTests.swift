import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing
import VectorStore

@testable import QueryEngine

/// Sections from the catalog to the scan: an index's vectors loaded for a policy that weighs
/// sections know each row's section, and the scan weighs a long page's section as a file.
@Suite struct SectionLoadingTests {
    @Test("loaded with sections, a section of a page weighs as a file would; loaded without, the page weighs")
    func scanWeighsSections() throws {
        let store = try IndexStore(path: try TestScratch.file("sections", named: "index.sqlite"), create: true)
        try store.bindModel(fingerprint: { "m" }, signature: "s", name: "m", dimension: 2)
        // guide.md opens off the subject; its "Ports" section opens on it. notes.md is a short file half on it.
        let guide: [(heading: [String], vector: [Float])] = [
            (["Guide"], [0, 1]), (["Guide"], [0, 1]), (["Guide", "Ports"], [1, 0]), (["Guide", "Ports"], [0.8, 0.6]),
        ]
        for (name, chunks) in [("guide.md", guide), ("notes.md", [(heading: ["Notes"], vector: [0.6, 0.8])])] {
            let record = FileRecord(
                path: "/docs/" + name, size: 1, modified: 0, contentHash: name, plugin: "markdown", pluginVersion: 1)
            try store.replaceFile(
                record, root: "/docs",
                chunks: chunks.enumerated().map { index, chunk in
                    StoredChunk(
                        text: "\(name) \(index)", headingPath: chunk.heading,
                        span: SourceSpan(firstLine: index + 1, lastLine: index + 1, bytes: 0..<1),
                        hash: "\(name)-\(index)", vector: chunk.vector)
                })
        }
        try store.refreshVectorIndex()
        var policy = QueryPolicy()
        let wholeFiles = try SemanticIndexLoader.load(store: store)
        #expect(!wholeFiles.knowsSections)
        policy.sectionOpening = 1
        policy.sectionLength = 1
        #expect(policy.weighsSections)
        let sectioned = try SemanticIndexLoader.load(store: store, sections: true)
        #expect(sectioned.knowsSections)

        /// The candidates as "file:line", best first.
        func order(_ index: any SemanticIndex) throws -> [String] {
            let ids = try index.scan([1, 0], limit: 5, allowed: nil, policy: policy, store: store, blocks: 1).candidates
                .map(\.chunkID)
            return try store.hits(ids).map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.span.firstLine)" }
        }
        // The "Ports" section's second chunk (0.8, its section opening on 1.0) beats the short note (0.6).
        let sectionedOrder = try order(sectioned)
        let ports = try #require(sectionedOrder.firstIndex(of: "guide.md:4"))
        #expect(ports < (try #require(sectionedOrder.firstIndex(of: "notes.md:1"))), "\(sectionedOrder)")
        let wholeOrder = try order(wholeFiles)
        #expect(
            try #require(wholeOrder.firstIndex(of: "notes.md:1"))
                < (try #require(wholeOrder.firstIndex(of: "guide.md:4"))),
            "without sections the page's off-subject opening and its length hold its passages back: \(wholeOrder)")
    }
}
