import IndexStorage
import SemfindCore
import Testing
import VectorStore

@testable import Indexer

@Suite struct IndexedFileLookupTests {
    @Test("the walker's question and the preparer's share one lookup per file; a failed lookup fails both")
    func oneLookupPerFile() throws {
        let known = FileRecord(
            path: "/r/a.md", size: 3, modified: 7, contentHash: "h", plugin: "markdown", pluginVersion: 1)
        var asked: [String] = []
        let lookup = IndexedFileLookup { path in
            asked.append(path)
            if path == "/r/broken.md" { throw SemfindError(.io, "disk I/O error") }
            return path == known.path ? known : nil
        }
        #expect(try lookup.record(at: "/r/a.md") == known)
        #expect(try lookup.record(at: "/r/a.md") == known)
        #expect(try lookup.record(at: "/r/new.md") == nil)
        #expect(try lookup.record(at: "/r/new.md") == nil)
        #expect(throws: SemfindError.self) { try lookup.record(at: "/r/broken.md") }
        #expect(throws: SemfindError.self) { try lookup.record(at: "/r/broken.md") }
        #expect(try lookup.record(at: "/r/a.md") == known)
        #expect(asked == ["/r/a.md", "/r/new.md", "/r/broken.md", "/r/a.md"])
    }
}
