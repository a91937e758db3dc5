import Foundation
import TestSupport
import Testing

/// A folder built to break indexers: it must index to the end, report every skipped file with
/// its reason, and keep the index intact. Uses the tiny test model, so the 5 MB code block's
/// thousands of chunks embed in moments.
@Suite("Hostile corpus, end to end")
struct HostileCorpusTests {
    @Test("binary, broken, huge, looping, deep and oddly named files: indexed to the end, every skip reported")
    func hostileCorpus() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        let root = TestScratch.root.path + "/semfind-hostile-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = root + "/corpus"
        func write(_ name: String, _ bytes: [UInt8]) throws {
            let path = corpus + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        try write("binary.bin", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + (0..<4096).map { UInt8(($0 * 7) % 256) })
        try write("latin1.txt", Array("caf".utf8) + [0xE9, 0x20] + Array("au lait, written in Latin-1\n".utf8))
        try write("empty.txt", [])
        try write("new\nline.txt", Array("a name with a newline\n".utf8))
        try write(
            "unclosed.html",
            Array(
                ("<html><title>T</title><body><p>kept text<div><b>bold<script>"
                    + String(repeating: "var x = 1;\n", count: 480_000) + "</script><p>after the script").utf8))
        try write(
            "code.md",
            Array(
                ("# Code\n\n```\n" + String(repeating: "let value = compute(input) // step\n", count: 150_000)
                    + "```\n\nAfter the block.\n").utf8))
        var deep = "deep"
        for level in 0..<500 { deep += "/\(level % 10)" }
        try write(deep + "/leaf.txt", Array("the leaf of a 500-deep chain\n".utf8))
        let huge = corpus + "/huge.log"
        try #require(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        try FileManager.default.createSymbolicLink(atPath: corpus + "/loop", withDestinationPath: corpus)
        let badName =
            (Array(corpus.utf8) + Array("/bad".utf8) + [0xFF] + Array("name.txt".utf8)).map { CChar(bitPattern: $0) }
            + [0]
        let descriptor = open(badName, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0, "could not create a file named with a 0xFF byte")
        close(descriptor)

        let result = try CommandRunner().run([
            "index", "--index", root + "/index.sqlite", "--model", model.folder.path, "--json", corpus,
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let skipped = lines.filter { $0["type"] as? String == "skipped" }.compactMap { $0["data"] as? [String: Any] }
        let reasons = Dictionary(
            skipped.map {
                ((($0["path"] as? String ?? "") as NSString).lastPathComponent, $0["reason"] as? String ?? "")
            },
            uniquingKeysWith: { first, _ in first })
        #expect(reasons["binary.bin"] == "binary")
        #expect(reasons["huge.log"] == "too large")
        #expect(reasons["loop"] == "symlink loop")
        #expect(skipped.contains { $0["reason"] as? String == "name is not valid UTF-8" })
        let warnings = lines.filter { $0["type"] as? String == "warning" }.compactMap { $0["data"] as? [String: Any] }
        #expect(warnings.contains { ($0["path"] as? String)?.hasSuffix("latin1.txt") == true })
        let summary = try #require(lines.last { $0["type"] as? String == "summary" }?["data"] as? [String: Any])
        #expect(summary["failed"] as? Int == 0)
        #expect(summary["indexed"] as? Int == 6, "latin1, empty, newline name, html, markdown, deep leaf")
        #expect((summary["chunks"] as? Int ?? 0) > 1000, "the 5 MB code block is chunked, not dropped")
    }
}
