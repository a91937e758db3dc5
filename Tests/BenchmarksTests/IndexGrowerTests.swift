import Benchmarks
import Foundation
import IndexStorage
import SemfindCore
import Testing
import VectorStore

/// `semfind bench grow`'s engine: an index grown to the size asked, through the index's own
/// write path, with unit vectors borrowed from its real chunks.
@Suite struct IndexGrowerTests {
    private func realIndex() throws -> (store: IndexStore, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grower-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("index.sqlite").path
        let store = try IndexStore(path: path, create: true)
        try store.bindModel(fingerprint: { "m" }, signature: "s", name: "m", dimension: 2)
        let chunks = [("rotate the logs", [Float(1), 0]), ("the disk is full", [Float(0), 1])].map { text, vector in
            StoredChunk(
                text: text, headingPath: [], span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<text.utf8.count),
                hash: text, vector: vector)
        }
        try store.replaceFile(
            FileRecord(
                path: "/notes/a.md", size: 31, modified: 0, contentHash: "a", plugin: "markdown", pluginVersion: 1),
            root: "/notes", chunks: chunks)
        return (store, path)
    }

    @Test func growsToTheTargetWithDerivedFilesOfUnitVectors() throws {
        let (store, path) = try realIndex()
        let grower = IndexGrower(target: 7, noise: 0.3, chunksPerFile: 3, root: "/derived", seed: 1)
        let line = try grower.grow(store, indexPath: path) { _, _ in }
        #expect(try store.status().vectors == 7)
        #expect(try store.filePaths(underRoot: "/derived").count == 2)
        for chunk in try store.chunksWithVectors() {
            let norm = (chunk.vector ?? []).reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
        #expect(line.hasPrefix("7 vectors; writing "))
    }

    @Test func refusesAnIndexWithoutVectors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grower-\(UUID().uuidString).sqlite")
        let store = try IndexStore(path: path.path, create: true)
        let grower = IndexGrower(target: 5, noise: 0.3, chunksPerFile: 3, root: "/derived", seed: 1)
        #expect(throws: SemfindError.self) { try grower.grow(store, indexPath: path.path) { _, _ in } }
    }
}
