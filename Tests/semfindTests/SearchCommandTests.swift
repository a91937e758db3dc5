import Foundation
import TestSupport
import Testing

/// `semfind QUERY` as users and scripts run it: filters, output forms, bad queries, sessions.
@Suite("Search command, end to end")
struct SearchCommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("share/semfind/sample").path

    let folder = TestScratch.root.path + "/semfind-search-\(UUID().uuidString)"
    var index: String { folder + "/index.sqlite" }

    func indexedRunner() throws -> CommandRunner {
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = index
        runner.environment["SEMFIND_SESSION"] = "test-\(UUID().uuidString)"
        let indexed = try runner.run(["index", Self.sample])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        return runner
    }

    func results(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            let object = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            return object?["type"] as? String == "result" ? object?["data"] as? [String: Any] : nil
        }
    }

    @Test("filters apply before the top k: a narrow filter still fills the list from matching files")
    func filtersBeforeTopK() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        for (filter, suffix) in [
            (["--glob", "*.txt"], "kitchen.txt"), (["--type", "html"], "server-logs.html"),
            (["--in", Self.sample + "/notes", "--glob", "git-*"], "git-tips.md"),
        ] {
            let search = try runner.run(
                ["how do I undo my last git commit", "--json", "-k", "3", "--no-floor"] + filter)
            #expect(search.status == 0, "\(filter): \(search.stderr)")
            let paths = results(search.stdout).compactMap { $0["path"] as? String }
            #expect(!paths.isEmpty && paths.allSatisfy { $0.hasSuffix(suffix) }, "\(filter): \(paths)")
        }
        let none = try runner.run(["how do I undo my last git commit", "--glob", "*.pdf"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        let strict = try runner.run(["how do I undo my last git commit", "--json", "--min-score", "0.3"])
        let similarities = results(strict.stdout).compactMap { $0["similarity"] as? Double }
        #expect(!similarities.isEmpty && similarities.allSatisfy { $0 >= 0.3 }, "\(similarities)")
        #expect(try runner.run(["how do I undo my last git commit", "--min-score", "0.99"]).status == 1)
    }

    @Test("files deleted since indexing drop out and the next matches fill the list")
    func deletedFilesDoNotShortenTheList() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notes = folder + "/notes"
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        for number in 0..<30 {
            try Data("Water the tomato plants in bed \(number) every morning.\n".utf8)
                .write(to: URL(fileURLWithPath: notes + "/tomato-\(number).txt"))
        }
        for number in 0..<8 {
            try Data("Knead the bread dough number \(number) for ten minutes.\n".utf8)
                .write(to: URL(fileURLWithPath: notes + "/bread-\(number).txt"))
        }
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = index
        try #require(try runner.run(["index", notes]).status == 0)
        for number in 0..<30 { try FileManager.default.removeItem(atPath: notes + "/tomato-\(number).txt") }

        let search = try runner.run([
            "watering tomato plants", "--mode", "semantic", "--json", "--no-session", "-k", "5", "--no-floor",
        ])
        let paths = results(search.stdout).compactMap { $0["path"] as? String }
        #expect(paths.count == 5, "\(paths)")
        #expect(paths.allSatisfy { $0.contains("bread-") })
        #expect(search.stdout.contains(#""vanished":30"#), "every deleted file was passed over")
    }

    @Test("-l lists each file once; --vimgrep prints path:line:column:text")
    func scriptForms() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let files = try runner.run(["the disk became read-only", "-l", "-k", "10"])
        let lines = files.stdout.split(separator: "\n").map(String.init)
        #expect(files.status == 0)
        #expect(Set(lines).count == lines.count && lines.contains { $0.hasSuffix("server-logs.html") })
        let vimgrep = try runner.run(["the disk became read-only", "--vimgrep", "-k", "2"])
        let first = try #require(vimgrep.stdout.split(separator: "\n").first)
        let fields = first.split(separator: ":", maxSplits: 3)
        #expect(fields.count == 4 && Int(fields[1]) != nil && fields[2] == "1", "\(first)")
    }

    @Test("bad queries get one line on stderr and exit 2; a missing index is never created")
    func badQueries() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        for query in ["", "   ", "?!?! ...", "\u{1}\u{7}", String(repeating: "long ", count: 20_000)] {
            let result = try runner.run(["search", query])
            #expect(result.status == 2, "\(query.prefix(20))")
            #expect(result.stderr.hasPrefix("semfind: error: ") && result.stderr.split(separator: "\n").count == 1)
        }
        let cleaned = try runner.run(["search", "rotate\u{2}the\u{1B}logs"])
        #expect(cleaned.status == 0, "control characters read as spaces: \(cleaned.stderr)")
        let noContext = try runner.run(["logs", "--context-file", folder + "/no-such-file"])
        #expect(noContext.status == 2 && noContext.stderr.contains("no-such-file"))
        let missing = folder + "/missing.sqlite"
        let result = try runner.run(["rotate the logs", "--index", missing])
        #expect(result.status == 2 && result.stderr.contains("semfind index"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("an index built by another model is refused with the way to rebuild it, and left as it was")
    func anotherModel() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tiny = try TinyBertModel()
        defer { tiny.remove() }
        var runner = CommandRunner()
        runner.environment["SEMFIND_INDEX"] = index
        let indexed = try runner.run(["index", "--model", tiny.folder.path, Self.sample])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        func status() throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(try runner.run(["status", "--json"]).stdout.utf8))
            let fields = object as? [String: Any] ?? [:]
            return ["files", "chunks", "vectors", "fingerprint"].map { "\(fields[$0] ?? "-")" }
        }
        let before = try status()
        let search = try runner.run(["rotate the logs", "--model", try InstalledModel.folder().path])
        #expect(search.status == 2)
        #expect(search.stderr.contains("semfind index --rebuild"), "\(search.stderr)")
        #expect(try status() == before)
        let keyword = try runner.run([
            "rotate the logs", "--mode", "keyword", "--model", try InstalledModel.folder().path,
        ])
        #expect(keyword.status == 0, "keyword search needs no model: \(keyword.stderr)")
    }

    @Test("a short query is read with the session's recent queries, which session show and clear manage")
    func sessions() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        _ = try runner.run(["why did the server disk become read-only"])
        let short = try runner.run(["logs", "--json"])
        let begin = try #require(
            short.stdout.split(separator: "\n").first.flatMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }?["data"] as? [String: Any])
        let augmented = try #require(begin["augmented_by"] as? [String: Any])
        #expect(augmented["source"] as? String == "session")
        #expect((augmented["text"] as? String)?.contains("read-only") == true)
        let shown = try runner.run(["session", "show"])
        #expect(shown.stdout.contains("logs") && shown.stdout.contains("read-only"))
        #expect(try runner.run(["session", "clear"]).stdout.contains("forgot 2 queries"))
        let alone = try runner.run(["logs", "--json"])
        #expect(!alone.stdout.contains("augmented_by"))
        #expect(alone.stdout.contains("short query"))
        var other = runner
        other.environment["SEMFIND_SESSION"] = "another"
        #expect(try other.run(["session", "show"]).stdout.isEmpty)
    }
}
