import FileWalk
import Foundation
import MarkdownFormat
import SemfindCore
import TestSupport
import Testing
import TextEncoder
import TextFormat
import VectorStore

@testable import Indexer

/// The whole pipeline on a tiny random BERT: what a re-run reads, embeds, keeps and removes.
@Suite("Index pipeline")
struct IndexPipelineTests {
    let model: TinyBertModel
    let encoder: SentenceEncoder
    let tree: TempTree
    let indexPath: String

    init() throws {
        model = try TinyBertModel()
        encoder = try SentenceEncoder(folder: model.folder, threads: 2)
        tree = try TempTree()
        indexPath = try TestScratch.file("pipeline", named: "index.sqlite")
    }

    func run(
        encoder: SentenceEncoder? = nil, plugins: [any FormatPlugin] = [MarkdownFormat(), TextFormat()]
    ) throws -> (IndexSummary, [IndexEvent]) {
        let pipeline = IndexPipeline(
            storePath: indexPath, encoder: encoder ?? self.encoder,
            registry: FormatRegistry(plugins),
            options: IndexOptions(roots: [tree.root], chunker: ChunkerOptions(budget: 20, overlap: 4)))
        var events: [IndexEvent] = []
        let summary = try pipeline.run { events.append($0) }
        return (summary, events)
    }

    static let guide = """
        # Guide

        ## Logs

        Rotate the logs daily and keep them for two weeks.

        ## Backups

        Copy the photo library to the external drive every Sunday.

        ## Keys

        Use SSH keys with a passphrase for every server.
        """

    func writeCorpus() throws {
        try tree.file("notes/guide.md", Self.guide)
        try tree.file("notes/todo.txt", "Water the tomatoes.\n\nRenew the passport.\n")
        try tree.file("notes/empty.txt", "")
        try tree.file(
            "notes/photo.dat", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D] + (0..<2048).map { UInt8($0 % 256) })
    }

    @Test("first run indexes every text file and skips binaries; a second run embeds nothing")
    func firstAndSecondRun() throws {
        try writeCorpus()
        let (first, events) = try run()
        #expect(first.indexed == 3)
        #expect(first.skipped == ["binary": 1])
        #expect(first.failed == 0)
        #expect(first.chunks == 4, "three headed sections and one text file")
        #expect(first.embedded == first.chunks)
        #expect(
            events.contains {
                if case .skipped(let path, "binary", _) = $0 { path.hasSuffix("photo.dat") } else { false }
            })
        let status = try IndexStore(path: indexPath, create: false).status()
        #expect(status.files == 3 && status.chunks == 4 && status.vectors == 4)
        #expect(status.roots == [tree.root])

        let (second, _) = try run()
        #expect(second.indexed == 0 && second.unchanged == 3 && second.embedded == 0 && second.removed == 0)
    }

    @Test("an index inside the folder it indexes leaves its own files out: no lock, snapshot or socket is read")
    func indexInsideItsRoot() throws {
        try tree.file("todo.txt", "Water the tomatoes.\n")
        try tree.file("index.sqlite.lock", "4242\n")
        try tree.file("index.sqlite.sock.lock", "4242\n")
        let inside = tree.root + "/index.sqlite"
        let pipeline = IndexPipeline(
            storePath: inside, encoder: encoder, registry: FormatRegistry([TextFormat()]),
            options: IndexOptions(roots: [tree.root]))
        for _ in 0..<2 {
            var events: [IndexEvent] = []
            let summary = try pipeline.run { events.append($0) }
            #expect(summary.failed == 0 && summary.skipped.isEmpty, "\(events)")
        }
        let status = try IndexStore(path: inside, create: false).status()
        #expect(status.files == 1 && status.chunks == 1)
    }

    @Test("editing one paragraph re-embeds only its chunk; touching a file re-embeds nothing")
    func editsAndTouches() throws {
        try writeCorpus()
        _ = try run()
        try tree.file(
            "notes/guide.md", Self.guide.replacingOccurrences(of: "every Sunday", with: "every Saturday night"))
        let (edited, _) = try run()
        #expect(edited.indexed == 1 && edited.unchanged == 2)
        #expect(edited.embedded == 1)
        let later = Date().addingTimeInterval(120)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: tree.path("notes/todo.txt"))
        let (touched, _) = try run()
        #expect(touched.indexed == 0 && touched.unchanged == 3 && touched.embedded == 0)
    }

    @Test("a plugin's new version re-reads its files, and only its files")
    func pluginVersion() throws {
        try writeCorpus()
        _ = try run()
        let (summary, _) = try run(plugins: [MarkdownFormat(), Rereleased(TextFormat())])
        #expect(summary.indexed == 2, "todo.txt and empty.txt, read by the text plugin")
        #expect(summary.unchanged == 1, "guide.md: the markdown plugin did not change")
        let (again, _) = try run(plugins: [MarkdownFormat(), Rereleased(TextFormat())])
        #expect(again.indexed == 0 && again.unchanged == 3)
    }

    @Test("a deleted file's chunks go; a moved file reuses its vectors")
    func deletesAndMoves() throws {
        try writeCorpus()
        _ = try run()
        try FileManager.default.removeItem(atPath: tree.path("notes/guide.md"))
        try FileManager.default.moveItem(atPath: tree.path("notes/todo.txt"), toPath: tree.path("notes/later.txt"))
        let (summary, _) = try run()
        #expect(summary.removed == 2)
        #expect(summary.indexed == 1)
        #expect(summary.embedded == 0, "the moved file's chunk is found by its content hash")
        let status = try IndexStore(path: indexPath, create: false).status()
        #expect(status.files == 2 && status.chunks == 1)
        #expect(try IndexStore(path: indexPath, create: false).file(at: tree.path("notes/later.txt")) != nil)
    }

    @Test("an index built by another model is refused and left as it was")
    func otherModel() throws {
        try writeCorpus()
        _ = try run()
        let other = try TinyBertModel(seed: 7)
        defer { other.remove() }
        #expect(throws: SemfindError.self) { try run(encoder: try SentenceEncoder(folder: other.folder)) }
        do {
            _ = try run(encoder: try SentenceEncoder(folder: other.folder))
        } catch let error as SemfindError {
            #expect(error.message.contains("semfind index --rebuild"))
        }
        #expect(try IndexStore(path: indexPath, create: false).status().chunks == 4)
    }

    @Test("the encoder's precision is recorded; an update by another precision is refused and changes nothing")
    func otherEncoderPrecision() throws {
        try writeCorpus()
        let int8 = try SentenceEncoder(folder: model.folder, threads: 2, precision: .int8)
        _ = try run(encoder: int8)
        #expect(try IndexStore(path: indexPath, create: false).status().encoderPrecision == "int8")
        try tree.file("notes/more.txt", "One more paragraph to embed.\n")
        do {
            _ = try run()
            Issue.record("an fp32 update of an int8 index was accepted")
        } catch let error as SemfindError {
            #expect(error.message.contains("--rebuild --encoder fp32"), "\(error.message)")
        }
        let status = try IndexStore(path: indexPath, create: false).status()
        #expect(status.chunks == 4 && status.vectors == 4 && status.encoderPrecision == "int8")
        let (summary, _) = try run(encoder: int8)
        #expect(summary.indexed == 1 && summary.embedded == 1)
    }
}

/// A plugin that parses as another does under the next version number, as its next release would.
struct Rereleased: FormatPlugin {
    let base: any FormatPlugin

    init(_ base: any FormatPlugin) { self.base = base }

    var name: String { base.name }
    var version: Int { base.version + 1 }
    var mimeTypes: Set<String> { base.mimeTypes }
    var extensions: Set<String> { base.extensions }
    var readsBinary: Bool { base.readsBinary }
    func parse(_ bytes: [UInt8]) throws -> ParsedDocument { try base.parse(bytes) }
}
