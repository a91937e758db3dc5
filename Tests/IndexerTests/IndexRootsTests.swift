import Foundation
import IndexBackends
import IndexStorage
import Indexer
import SemfindCore
import TestSupport
import Testing
import VectorStore

/// Which folders `semfind index` indexes: those named, else the index's own; a rebuild reads
/// them before it removes the index.
@Suite struct IndexRootsTests {
    private func indexWithRoot(_ root: String) throws -> String {
        let path = try TestScratch.file("index-roots", named: "index.sqlite")
        let store = try IndexStore(path: path, create: true)
        try store.replaceFile(
            FileRecord(
                path: root + "/a.md", size: 1, modified: 0, contentHash: "a", plugin: "markdown", pluginVersion: 1),
            root: root, chunks: [])
        return path
    }

    @Test func namedFoldersComeFirstThenTheIndexsOwn() throws {
        let path = try indexWithRoot("/notes")
        #expect(try IndexRoots.resolve(given: ["/docs"], index: .sqlite(path: path), rebuilding: false) == ["/docs"])
        #expect(try IndexRoots.resolve(given: [], index: .sqlite(path: path), rebuilding: false) == ["/notes"])
    }

    @Test func aRebuildKeepsTheRootsAndRemovesTheIndex() throws {
        let path = try indexWithRoot("/notes")
        #expect(try IndexRoots.resolve(given: [], index: .sqlite(path: path), rebuilding: true) == ["/notes"])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func nothingToIndexIsAnError() throws {
        let path = try TestScratch.file("index-roots-none", named: "index.sqlite")
        #expect { try IndexRoots.resolve(given: [], index: .sqlite(path: path), rebuilding: true) } throws: { error in
            (error as? SemfindError)?.message.hasPrefix("nothing to index") == true
        }
    }
}
