import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing

@testable import VectorStore

@Suite struct SectionStartsTests {
    let path = TestScratch.root.appendingPathComponent("sections-\(UUID().uuidString.prefix(8))/index.sqlite").path

    func chunk(_ text: String, _ headingPath: [String], opensSection: Bool = false) -> StoredChunk {
        StoredChunk(
            text: text, headingPath: headingPath, span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<1),
            hash: "hash-\(text)", vector: [1, 0], opensSection: opensSection)
    }

    @Test(
        "a section opens where a file's heading path changes or the chunker marked one, never at a file's first chunk",
        arguments: DatabaseLocation.allCases)
    func starts(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        let record = { (path: String) in
            FileRecord(path: path, size: 1, modified: 1, contentHash: path, plugin: "markdown", pluginVersion: 1)
        }
        try store.replaceFile(
            record("/docs/faq.md"), root: "/docs",
            chunks: [
                chunk("intro", ["FAQ"]), chunk("more intro", ["FAQ"]), chunk("install", ["FAQ", "Install"]),
                chunk("install more", ["FAQ", "Install"]), chunk("back", ["FAQ"]),
            ])
        try store.replaceFile(
            record("/docs/notes.txt"), root: "/docs", chunks: [chunk("plain", []), chunk("plain too", [])])
        try store.replaceFile(record("/docs/other.md"), root: "/docs", chunks: [chunk("other", ["Other"])])
        // A FAQ whose questions all read "Q.": the chunker marks where each one opens.
        try store.replaceFile(
            record("/docs/questions.html"), root: "/docs",
            chunks: [
                chunk("first answer", ["FAQ", "Q."], opensSection: true), chunk("first, cont.", ["FAQ", "Q."]),
                chunk("second answer", ["FAQ", "Q."], opensSection: true),
            ])
        let ids = try store.database.prepare("SELECT id FROM chunks ORDER BY id")
        var chunkIDs: [Int64] = []
        while try ids.step() { chunkIDs.append(ids.int64(0)) }
        #expect(chunkIDs.count == 11)
        #expect(try store.sectionStarts() == [chunkIDs[2], chunkIDs[4], chunkIDs[10]])
    }
}
