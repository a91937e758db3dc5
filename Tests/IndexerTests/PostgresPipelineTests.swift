import Foundation
import IndexBackends
import IndexStorage
import MarkdownFormat
import PostgresStore
import SemfindCore
import TestSupport
import Testing
import TextEncoder
import TextFormat

@testable import Indexer

/// The same pipeline writing into PostgreSQL (a private server, `PostgresTestServer`): what it
/// stores equals what it stores in SQLite, a re-run reads nothing, another model is refused and
/// a root another writer holds is refused before anything is written.
@Suite("Index pipeline on PostgreSQL")
struct PostgresPipelineTests {
    let model: TinyBertModel
    let encoder: SentenceEncoder
    let tree: TempTree

    init() throws {
        model = try TinyBertModel()
        encoder = try SentenceEncoder(folder: model.folder, threads: 2)
        tree = try TempTree()
        try tree.file("notes/guide.md", IndexPipelineTests.guide)
        try tree.file("notes/todo.txt", "Water the tomatoes.\n\nRenew the passport.\n")
        try tree.file("notes/deep/plan.md", "# Plan\n\nPaint the fence in May.\n\n## Later\n\nFix the gate.\n")
    }

    func run(_ index: IndexAddress, encoder: SentenceEncoder? = nil) throws -> IndexSummary {
        let pipeline = IndexPipeline(
            index: index, encoder: encoder ?? self.encoder, registry: FormatRegistry([MarkdownFormat(), TextFormat()]),
            options: IndexOptions(roots: [tree.root], chunker: ChunkerOptions(budget: 20, overlap: 4)))
        return try pipeline.run { _ in }
    }

    /// Every file's chunk texts, by path, as the keyword index's hits give them.
    func chunkTexts(_ store: any IndexBackend) throws -> [String: [String]] {
        let ids = try store.keywordSearch(
            "\"the\"", in: .words, fileIDs: nil, limit: 100, headingWeight: 1, knownFrequencies: [:]
        ).map(\.chunkID)
        return Dictionary(grouping: try store.hits(ids), by: \.path).mapValues { $0.map(\.text).sorted() }
    }

    @Test("PostgreSQL holds what SQLite holds after the same run, and a re-run reads nothing")
    func sameAsSQLite() throws {
        let postgres = IndexAddress.postgres(try PostgresTestServer.newIndex())
        let sqlite = IndexAddress.sqlite(path: try TestScratch.file("pg-pipeline", named: "index.sqlite"))
        let first = try run(postgres)
        let reference = try run(sqlite)
        #expect(first.indexed == 3 && first.failed == 0 && first.embedded == first.chunks)
        #expect(first.chunks == reference.chunks)
        let stored = try postgres.open(create: false)
        let status = try stored.status()
        #expect(status.files == 3 && status.vectors == first.chunks && status.unembedded == 0)
        #expect(status.roots == [tree.root])
        #expect(status.relevanceFloor != nil, "measured at the end of the run, as in SQLite")
        #expect(try chunkTexts(stored) == chunkTexts(try sqlite.open(create: false)))
        let again = try run(postgres)
        #expect(again.indexed == 0 && again.unchanged == 3 && again.embedded == 0)
    }

    @Test("another model is refused and the index left as it was")
    func otherModel() throws {
        let postgres = IndexAddress.postgres(try PostgresTestServer.newIndex())
        let first = try run(postgres)
        let other = try TinyBertModel(seed: 7)
        defer { other.remove() }
        #expect(throws: SemfindError.self) { try run(postgres, encoder: try SentenceEncoder(folder: other.folder)) }
        #expect(try postgres.open(create: false).status().chunks == first.chunks)
    }

    @Test("a run whose roots another run holds helps it embed, and ends once that run has ended")
    func helper() throws {
        let address = try PostgresTestServer.newIndex()
        var holder: PostgresStore? = try PostgresStore(address: address, create: true)
        #expect(try holder?.claimRoots([tree.root]) == [])
        try holder?.replaceFile(
            FileRecord(
                path: tree.path("notes/todo.txt"), size: 1, modified: 1, contentHash: "h", plugin: "text",
                pluginVersion: 1),
            root: tree.root,
            chunks: ["Water the tomatoes.", "Renew the passport."].enumerated().map { line, text in
                StoredChunk(
                    text: text, headingPath: [],
                    span: SourceSpan(firstLine: line + 1, lastLine: line + 1, bytes: 0..<1),
                    hash: text, vector: nil)
            })
        let helping = HelperRun { try run(.postgres(address)) }
        let observer = try PostgresStore(address: address, create: false)
        let deadline = ContinuousClock.now + .seconds(120)
        while try observer.unembeddedCount() > 0, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(try observer.unembeddedCount() == 0, "the helper embedded the holder's chunks")
        holder = nil
        let summary = try helping.result()
        #expect(summary.indexed == 0 && summary.unchanged == 0, "a helper reads no file")
        #expect(summary.embedded == 2 && summary.unembedded == 0 && !summary.interrupted)
        #expect(try observer.status().files == 1, "the holder's files only")
    }

    @Test("a run is refused when another run holds some of its roots")
    func someRootsHeld() throws {
        let address = try PostgresTestServer.newIndex()
        let holder = try PostgresStore(address: address, create: true)
        #expect(try holder.claimRoots([tree.root]) == [])
        let pipeline = IndexPipeline(
            index: .postgres(address), encoder: encoder, registry: FormatRegistry([TextFormat()]),
            options: IndexOptions(roots: [tree.root, tree.path("notes")]))
        do {
            _ = try pipeline.run { _ in }
            Issue.record("a second writer of the root was let in")
        } catch let error as SemfindError {
            #expect(error.message.contains("another semfind is indexing \(tree.root)"))
        }
        #expect(try holder.status().files == 0)
    }

    @Test(
        "a SQLite index copied into PostgreSQL, a few chunks to a transaction, holds the same chunks, vectors and floor, embedding nothing"
    )
    func copyFromSQLite() throws {
        let sqlitePath = try TestScratch.file("pg-copy", named: "index.sqlite")
        let built = try run(.sqlite(path: sqlitePath))
        let postgres = IndexAddress.postgres(try PostgresTestServer.newIndex())
        var loads: [EncoderPrecision] = []
        let copied = try IndexCopy.copy(from: sqlitePath, into: postgres, chunksPerTransaction: 2) { precision in
            loads.append(precision)
            return encoder
        }
        #expect(loads == [.fp32] && copied.indexed == 3 && copied.chunks == built.chunks && copied.embedded == 0)
        let source = try IndexAddress.sqlite(path: sqlitePath).open(create: false)
        let copy = try postgres.open(create: false)
        #expect(try chunkTexts(copy) == chunkTexts(source))
        #expect(try copy.status().vectors == source.status().vectors)
        #expect(try copy.relevanceFloor() == source.relevanceFloor(), "the same vectors, the same seeded sample")
        #expect(try copy.modelName() == source.modelName() && copy.encoderPrecision() == "fp32")
        let again = try run(postgres)
        #expect(again.indexed == 0 && again.unchanged == 3 && again.embedded == 0, "the copy's files are up to date")
        #expect(throws: SemfindError.self, "a second copy into the same index") {
            try IndexCopy.copy(from: sqlitePath, into: postgres) { _ in encoder }
        }
    }
}

/// A pipeline run on a thread of its own, its summary or error taken with `result()`.
///
/// `@unchecked Sendable`: `outcome` is written by the thread before it signals `done` and read
/// only after `result()` has received that signal; `body` runs on that thread alone.
private final class HelperRun: @unchecked Sendable {
    private var outcome: Result<IndexSummary, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () throws -> IndexSummary) {
        nonisolated(unsafe) let body = body
        Thread { [self] in
            outcome = Result { try body() }
            done.signal()
        }.start()
    }

    func result() throws -> IndexSummary {
        done.wait()
        return try outcome?.get() ?? IndexSummary()
    }
}
