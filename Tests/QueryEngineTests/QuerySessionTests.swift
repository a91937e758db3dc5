import Foundation
import IndexStorage
import SemfindCore
import TestSupport
import Testing
import VectorStore

@testable import QueryEngine

/// The session rule every search path shares: recent queries read in, each query remembered.
@Suite struct QuerySessionTests {
    /// A keyword-searchable index of one file (no encoder needed).
    private func engine() throws -> SearchEngine {
        let root = try TestScratch.folder("session-corpus").path
        let store = try IndexStore(path: try TestScratch.file("session-index", named: "index.sqlite"), create: true)
        try store.bindModel(fingerprint: { "m" }, signature: "s", name: "m", dimension: 2)
        let path = root + "/notes.txt"
        try Data("rotate the logs weekly\n".utf8).write(to: URL(fileURLWithPath: path))
        try store.replaceFile(
            FileRecord(path: path, size: 23, modified: 0, contentHash: "h", plugin: "text", pluginVersion: 1),
            root: root,
            chunks: [
                StoredChunk(
                    text: "rotate the logs weekly", headingPath: [],
                    span: SourceSpan(firstLine: 1, lastLine: 1, bytes: 0..<23), hash: "c", vector: [1, 0])
            ])
        return SearchEngine(store: store) { _ in throw SemfindError(.modelNotFound, "no model in these tests") }
    }

    @Test("a search in a session is remembered there, newest first; one without a session is not")
    func remembers() throws {
        let engine = try engine()
        let session = QuerySession(identity: "tty1")
        _ = try engine.search(SearchRequest(query: "rotate logs", mode: .keyword), session: session)
        _ = try engine.search(SearchRequest(query: "weekly logs", mode: .keyword), session: session)
        _ = try engine.search(SearchRequest(query: "unremembered", mode: .keyword), session: nil)
        #expect(try session.remembered(in: engine.store).map(\.text) == ["weekly logs", "rotate logs"])
        #expect(try QuerySession(identity: "tty2").remembered(in: engine.store).isEmpty)
    }

    @Test("a query without context is read with the session's other recent queries; a given context stays")
    func reads() throws {
        let engine = try engine()
        let session = QuerySession(identity: "tty1")
        for query in ["first", "second", "third", "fourth"] {
            _ = try engine.search(SearchRequest(query: query, mode: .keyword), session: session)
        }
        let read = try session.reading(SearchRequest(query: "fifth"), in: engine.store)
        #expect(read.context == .session(["fourth", "third", "second"]), "the last three, newest first")
        let again = try session.reading(SearchRequest(query: "fourth"), in: engine.store)
        #expect(again.context == .session(["third", "second"]), "a query asked again is not its own context")
        let given = try session.reading(SearchRequest(query: "q", context: .given("text")), in: engine.store)
        #expect(given.context == .given("text"))
        let fresh = try QuerySession(identity: "new").reading(SearchRequest(query: "q"), in: engine.store)
        #expect(fresh.context == nil)
    }
}
