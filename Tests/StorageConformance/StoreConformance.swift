import Foundation
import IndexStorage
import SemfindCore
import Testing

/// The store test bodies every backend passes: each takes a function that opens a new, empty
/// index and checks, through the storage seam's protocols only, what `Indexer` and
/// `QueryEngine` rely on (GRDB's habit of one test body against several databases).
public enum StoreConformance {
    /// What a test body throws to abandon a write.
    struct Stop: Error {}

    public static func record(_ path: String, hash: String = "h1") -> FileRecord {
        FileRecord(path: path, size: 10, modified: 1_000, contentHash: hash, plugin: "text", pluginVersion: 1)
    }

    public static func chunk(_ text: String, line: Int = 1, vector: [Float]?, headings: [String] = ["Guide", "Logs"])
        -> StoredChunk
    {
        StoredChunk(
            text: text, headingPath: headings, span: SourceSpan(firstLine: line, lastLine: line + 1, bytes: 0..<10),
            hash: "hash-\(text)", vector: vector)
    }

    /// A new index bound to a two-dimensional model.
    static func bound<Store: StoreUnderTest>(_ open: () throws -> Store) throws -> Store {
        let store = try open()
        try store.bindModel(fingerprint: { "m-1" }, signature: "s", name: "m", dimension: 2)
        return store
    }

    static func matches(_ store: some KeywordIndex, _ word: String) throws -> Int {
        try store.keywordSearch(
            "\"\(word)\"", in: .words, fileIDs: nil, limit: 100, headingWeight: 1, knownFrequencies: [:]
        ).count
    }

    /// A file's chunks, vectors and keyword rows are replaced together and removed together.
    public static func replaceAndRemove<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try bound(open)
        try store.replaceFile(
            record("/notes/a.txt"), root: "/notes",
            chunks: [
                chunk("rotate the logs daily", line: 1, vector: [1, 0]),
                chunk("keep archives", line: 4, vector: [0, 1]),
            ])
        #expect(try store.file(at: "/notes/a.txt") == record("/notes/a.txt"))
        #expect(try store.chunkCount() == 2)
        #expect(try store.unembeddedCount() == 0)
        #expect(try store.vectors(forChunkHashes: ["hash-keep archives", "absent"]) == ["hash-keep archives": [0, 1]])
        #expect(try matches(store, "rotate") == 1)

        let generation = try store.generation()
        try store.replaceFile(
            record("/notes/a.txt", hash: "h2"), root: "/notes", chunks: [chunk("compress old files", vector: [1, 1])])
        #expect(try store.generation() != generation, "a change of the chunks is a new generation")
        #expect(try store.file(at: "/notes/a.txt")?.contentHash == "h2")
        #expect(try store.chunkCount() == 1)
        #expect(try store.vectors(forChunkHashes: ["hash-keep archives"]).isEmpty, "the old chunk's vector went")
        #expect(try matches(store, "rotate") == 0)
        #expect(try matches(store, "compress") == 1)
        #expect(try store.filePaths(underRoot: "/notes") == ["/notes/a.txt"])
        #expect(try store.indexedFiles().map(\.path) == ["/notes/a.txt"])

        try store.updateStat(ofFileAt: "/notes/a.txt", size: 99, modified: 7)
        #expect(try store.file(at: "/notes/a.txt").map { [$0.size, Int($0.modified)] } == [99, 7])
        try store.removeFile(at: "/notes/a.txt")
        #expect(try store.file(at: "/notes/a.txt") == nil)
        #expect(try store.chunkCount() == 0 && store.indexedFiles().isEmpty)
        #expect(try matches(store, "compress") == 0)
    }

    /// Writes inside `write { }` commit together or not at all; a failed inner write undoes
    /// only itself.
    public static func composedWrites<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try bound(open)
        #expect(throws: Stop.self) {
            try store.write {
                try store.replaceFile(record("/n/a"), root: "/n", chunks: [chunk("alpha", vector: [1, 0])])
                try store.replaceFile(record("/n/b"), root: "/n", chunks: [chunk("beta", vector: [0, 1])])
                throw Stop()
            }
        }
        #expect(try store.indexedFiles().isEmpty, "nothing of a failed write stays")
        try store.write {
            try store.replaceFile(record("/n/a"), root: "/n", chunks: [chunk("alpha", vector: [1, 0])])
            #expect(throws: Stop.self) {
                try store.write {
                    try store.replaceFile(record("/n/b"), root: "/n", chunks: [chunk("beta", vector: [0, 1])])
                    throw Stop()
                }
            }
            try store.recordQuery("composed", session: "s", keepSeconds: 60, keepCount: 5)
        }
        #expect(try store.filePaths(underRoot: "/n") == ["/n/a"])
        #expect(try store.recentQueries(session: "s", withinSeconds: 60, limit: 5).map(\.text) == ["composed"])
    }

    /// Files at or under a path: the path itself and its folder's contents, not its namesakes.
    public static func filesAtOrUnder<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try bound(open)
        for file in ["/n/a", "/n/a/b.md", "/n/a/c/d.md", "/n/a.md", "/n/a0.md", "/n/ab/e.md"] {
            try store.replaceFile(record(file), root: "/n", chunks: [])
        }
        #expect(Set(try store.filePaths(atOrUnder: "/n/a")) == ["/n/a", "/n/a/b.md", "/n/a/c/d.md"])
        #expect(Set(try store.filePaths(atOrUnder: "/n/a/")) == ["/n/a", "/n/a/b.md", "/n/a/c/d.md"])
        #expect(try store.filePaths(atOrUnder: "/n/a.md") == ["/n/a.md"])
        #expect(try store.filePaths(atOrUnder: "/n/x").isEmpty)
    }

    /// Texts with quotes and non-ASCII characters, heading paths and a paged chunk's pages
    /// come back from a hit as they were written.
    public static func hitsRoundTrip<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try bound(open)
        let odd = "it's \"quoted\" — naïve 日本 end"
        let paged = SourceSpan(firstLine: 30, lastLine: 2, bytes: 0..<0, pages: 3...4)
        try store.replaceFile(
            FileRecord(path: "/n/it's.pdf", size: 10, modified: 1, contentHash: "h", plugin: "pdf", pluginVersion: 3),
            root: "/n",
            chunks: [
                chunk(odd, line: 5, vector: [0.5, 0.25]),
                StoredChunk(text: "across the break", headingPath: [], span: paged, hash: "c", vector: nil),
            ])
        let ids = try store.keywordSearch(
            "\"quoted\" OR \"break\"", in: .words, fileIDs: nil, limit: 5, headingWeight: 1, knownFrequencies: [:]
        )
        .map(\.chunkID)
        let hits = try store.hits(ids.reversed() + [-1])
        #expect(hits.map(\.chunkID) == ids.reversed(), "in the order asked, unknown ids left out")
        let text = try #require(hits.first { $0.text == odd })
        #expect(text.headingPath == ["Guide", "Logs"])
        #expect(text.span == SourceSpan(firstLine: 5, lastLine: 6, bytes: 0..<10))
        #expect(text.path == "/n/it's.pdf" && text.plugin == "pdf" && text.fileSize == 10 && text.fileModified == 1)
        let page = try #require(hits.first { $0.text == "across the break" })
        #expect(page.span == paged && page.headingPath.isEmpty)
    }

    /// Keyword search ranks, reads trigrams, counts each file's chunks, and a file filter
    /// applies before the limit. The caller's word counts rank as the index's own; the counts
    /// BM25 reads follow files replaced and removed.
    public static func keyword<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try bound(open)
        let texts = [
            ("a", ["rotate the logs daily", "unrelated text"]), ("b", ["logs logs logs rotate"]), ("c", ["日志轮转的配置"]),
        ]
        for (name, chunks) in texts {
            try store.replaceFile(
                record("/r/\(name)"), root: "/r", chunks: chunks.map { chunk($0, vector: [1, 0], headings: []) })
        }
        let search = { (expression: String, table: KeywordTable, files: Set<Int64>?, limit: Int) in
            try store.keywordSearch(
                expression, in: table, fileIDs: files, limit: limit, headingWeight: 1, knownFrequencies: [:])
        }
        let known = try store.chunkFrequencies(of: ["rotate", "logs"])
        let givenCounts = try store.keywordSearch(
            "\"rotate\" OR \"logs\"", in: .words, fileIDs: nil, limit: 10, headingWeight: 1, knownFrequencies: known)
        #expect(givenCounts.map(\.score) == (try search("\"rotate\" OR \"logs\"", .words, nil, 10).map(\.score)))
        let words = try search("\"rotate\" OR \"logs\"", .words, nil, 10)
        #expect(words.count == 2)
        #expect(words.map(\.score) == words.map(\.score).sorted(by: >) && words.allSatisfy { $0.score > 0 })
        let fileA = try #require(words.first { $0.fileChunks == 2 }?.fileID)
        let onlyA = try search("\"logs\"", .words, [fileA], 1)
        #expect(
            onlyA.count == 1 && onlyA[0].fileID == fileA, "the filter keeps file a's chunk although b's ranks higher")
        #expect(try search("(\"rotate\" AND \"daily\") OR \"absent\"", .words, nil, 10).map(\.fileID) == [fileA])
        #expect(try search("\"日志轮\" OR \"志轮转\"", .trigrams, nil, 5).count == 1)
        #expect(try search("\"rotate\"", .words, [], 5).isEmpty)
        #expect(try store.chunkFrequencies(of: ["logs", "daily", "absent"]) == ["logs": 2, "daily": 1, "absent": 0])
        #expect(try store.chunkCount() == 4)
        try store.replaceFile(
            record("/r/b"), root: "/r", chunks: ["logs rotate weekly", "logs"].map { chunk($0, vector: [1, 0]) })
        try store.removeFile(at: "/r/a")
        #expect(try store.chunkCount() == 3)
        let fresh = try bound(open)
        try fresh.replaceFile(
            record("/r/b"), root: "/r", chunks: ["logs rotate weekly", "logs"].map { chunk($0, vector: [1, 0]) })
        try fresh.replaceFile(
            record("/r/c"), root: "/r", chunks: [chunk("日志轮转的配置", vector: [1, 0], headings: [])])
        let scores = { (index: Store) in
            try index.keywordSearch(
                "\"rotate\" OR \"logs\"", in: .words, fileIDs: nil, limit: 10, headingWeight: 1, knownFrequencies: [:]
            ).map(\.score)
        }
        #expect(try scores(store) == scores(fresh), "BM25 over the files left, as an index that only ever held them")
    }

    /// A match in the heading path counts the heading weight times one in the text.
    public static func headingWeight<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try bound(open)
        try store.replaceFile(
            record("/r/title"), root: "/r",
            chunks: [chunk("nothing here but words", vector: [1, 0], headings: ["Backups"])])
        try store.replaceFile(
            record("/r/body"), root: "/r",
            chunks: [chunk("backups run nightly words", vector: [1, 0], headings: ["Misc"])])
        let order = { (weight: Double) in
            try store.hits(
                store.keywordSearch(
                    "\"backups\"", in: .words, fileIDs: nil, limit: 2, headingWeight: weight, knownFrequencies: [:]
                ).map(\.chunkID)
            ).map(\.path)
        }
        #expect(try order(8) == ["/r/title", "/r/body"])
        #expect(try order(0.05) == ["/r/body", "/r/title"])
    }

    /// A shell session's recent queries: newest first, at most the count kept, cleared alone.
    public static func sessions<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try open()
        for query in ["first", "second", "third"] {
            try store.recordQuery(query, session: "tty1", keepSeconds: 3600, keepCount: 2)
        }
        try store.recordQuery("elsewhere", session: "tty2", keepSeconds: 3600, keepCount: 2)
        let recent = try store.recentQueries(session: "tty1", withinSeconds: 3600, limit: 5)
        #expect(recent.map(\.text) == ["third", "second"])
        #expect(recent.allSatisfy { abs($0.askedAt - Int64(Date().timeIntervalSince1970)) < 3600 })
        #expect(try store.recentQueries(session: "tty1", withinSeconds: 3600, limit: 1).map(\.text) == ["third"])
        #expect(try store.clearSession("tty1") == 2)
        #expect(try store.recentQueries(session: "tty1", withinSeconds: 3600, limit: 5).isEmpty)
        #expect(try store.recentQueries(session: "tty2", withinSeconds: 3600, limit: 5).map(\.text) == ["elsewhere"])
    }

    /// Chunks stored without vectors wait for them, openings apart from the rest; storing a
    /// vector ends the wait, passes over a chunk that no longer waits, and chunk ids are never
    /// given out twice.
    public static func waitingChunks<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try bound(open)
        try store.replaceFile(
            record("/w/a"), root: "/w",
            chunks: [chunk("opening", vector: nil), chunk("middle", vector: nil), chunk("stored", vector: [0, 1])])
        #expect(try store.unembeddedCount() == 2)
        let openings = try store.unembeddedChunks(openings: true, after: 0, limit: 10)
        let rest = try store.unembeddedChunks(openings: false, after: 0, limit: 10)
        #expect(openings.map(\.text) == ["opening"] && rest.map(\.text) == ["middle"])
        #expect(openings[0].headingPath == ["Guide", "Logs"] && openings[0].hash == "hash-opening")
        #expect(try store.unembeddedChunks(openings: false, after: rest[0].id, limit: 10).isEmpty)
        #expect(try matches(store, "middle") == 1, "a waiting chunk is found by its words")

        try store.storeVectors([(openings[0].id, [1, 0]), (openings[0].id + 1_000_000, [1, 1])])
        #expect(try store.unembeddedCount() == 1)
        #expect(try store.vectors(forChunkHashes: ["hash-opening"]) == ["hash-opening": [1, 0]])
        try store.storeVectors([(openings[0].id, [0, 1])])
        #expect(try store.vectors(forChunkHashes: ["hash-opening"]) == ["hash-opening": [1, 0]], "no longer waiting")

        let used = Set(openings.map(\.id) + rest.map(\.id))
        try store.removeFile(at: "/w/a")
        #expect(try store.unembeddedCount() == 0, "a removed file's chunks wait no more")
        try store.replaceFile(record("/w/a"), root: "/w", chunks: [chunk("again", vector: nil)])
        let again = try store.unembeddedChunks(openings: true, after: 0, limit: 10).map(\.id)
        #expect(again.count == 1 && again.allSatisfy { id in used.allSatisfy { id > $0 } }, "ids only grow")
    }

    /// An index built with another model is refused with the way to rebuild it; the weights are
    /// hashed again only when the model files' signature changes.
    public static func modelBinding<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        let store = try open()
        var hashed = 0
        let hash = { () -> String in
            hashed += 1
            return "model-a-1"
        }
        try store.bindModel(fingerprint: hash, signature: "files-a", name: "model-a", dimension: 2)
        try store.bindModel(fingerprint: hash, signature: "files-a", name: "model-a", dimension: 2)
        #expect(hashed == 1)
        try store.bindModel(fingerprint: hash, signature: "files-a-touched", name: "model-a", dimension: 2)
        try store.bindModel(fingerprint: hash, signature: "files-a-touched", name: "model-a", dimension: 2)
        #expect(hashed == 2)
        do {
            try store.bindModel(fingerprint: { "model-b-2" }, signature: "files-b", name: "model-b", dimension: 2)
            Issue.record("another model was let in")
        } catch let error as SemfindError {
            for word in ["model-a", "model-b-2", "--model model-b FOLDER", "semfind index"] {
                #expect(error.message.contains(word))
            }
        }
    }
}
