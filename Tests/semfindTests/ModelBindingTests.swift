import Foundation
import TestSupport
import Testing
import TextEncoder

/// An index remembers its model: later commands load it by name from the models folder, and
/// say how to install it when it is missing.
@Suite("Model bound to an index, end to end")
struct ModelBindingTests {
    let dataHome: URL
    let models: URL
    var runner = CommandRunner()

    init() throws {
        dataHome = try TestScratch.folder("data-home")
        models = dataHome.appendingPathComponent("semfind/models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        for (name, family) in [("tiny-bert", BertConfig.Family.bert), ("tiny-mpnet", .mpnet)] {
            let tiny = try TinyBertModel(family: family)
            try FileManager.default.moveItem(at: tiny.folder, to: models.appendingPathComponent(name))
        }
        runner.environment["XDG_DATA_HOME"] = dataHome.path
        runner.environment["SEMFIND_MODEL"] = nil
        runner.environment["SEMFIND_INDEX"] = dataHome.path + "/index.sqlite"
    }

    func status() throws -> String { try runner.run(["status", "--json"]).stdout }

    @Test("an index built with --model NAME is searched without --model, and refused in one line once it is gone")
    func searchesWithTheIndexModel() throws {
        let indexed = try runner.run(["index", "--model", "tiny-mpnet", SearchCommandTests.sample])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        let search = try runner.run(["rotate the logs", "--mode", "semantic", "--json", "--no-floor"])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("\"type\":\"result\""), "\(search.stdout)")
        let other = try runner.run(["rotate the logs", "--model", "tiny-bert"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("tiny-mpnet") && other.stderr.contains("tiny-bert"), "\(other.stderr)")

        let before = try status()
        try FileManager.default.removeItem(at: models.appendingPathComponent("tiny-mpnet"))
        for command in [["rotate the logs"], ["index"]] {
            let missing = try runner.run(command)
            #expect(missing.status == 2, "\(command): \(missing.stderr)")
            #expect(
                missing.stderrLines == [
                    "semfind: error: this index was built with tiny-mpnet, which is not installed; install it with semfind model install tiny-mpnet"
                ], "\(command)")
        }
        #expect(try status() == before)
    }

    @Test("prefixes given at index time stay with the index; other prefixes later are refused in one line")
    func prefixesBoundToTheIndex() throws {
        let indexed = try runner.run([
            "index", "--model", "tiny-bert", "--query-prefix", "hello ", "--passage-prefix", "the ",
            SearchCommandTests.sample,
        ])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        for command in [
            ["rotate the logs", "--no-floor"], ["rotate the logs", "--no-floor", "--query-prefix", "hello "], ["index"],
        ] {
            let accepted = try runner.run(command)
            #expect(accepted.status == 0, "\(command): \(accepted.stderr)")
        }
        let before = try status()
        for (command, role) in [
            (["rotate the logs", "--query-prefix", "query: "], "query"),
            (["index", "--passage-prefix", ""], "passage"),
        ] {
            let refused = try runner.run(command)
            #expect(refused.status == 2, "\(command)")
            #expect(refused.stderrLines.count == 1, "\(refused.stderr)")
            #expect(
                refused.stderr.contains("\(role) prefix") && refused.stderr.contains("--rebuild"), "\(refused.stderr)")
        }
        #expect(try status() == before)
        let rebuilt = try runner.run(["index", "--rebuild", "--query-prefix", "query: "])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try status() != before)
        #expect(try runner.run(["rotate the logs", "--no-floor", "--query-prefix", "query: "]).status == 0)
    }

    @Test("model list shows each installed model's family, dimension, length and fingerprint")
    func listsInstalledModels() throws {
        let listed = try runner.run(["model", "list", "--json"])
        try #require(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdoutLines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.map { $0["name"] as? String } == ["tiny-bert", "tiny-mpnet"])
        #expect(rows.map { $0["family"] as? String } == ["bert", "mpnet"])
        #expect(rows.allSatisfy { $0["dimension"] as? Int == TinyBertModel.hidden })
        #expect(rows.allSatisfy { $0["max_length"] as? Int == TinyBertModel.maxLength })
        #expect(rows.allSatisfy { ($0["bytes"] as? Int ?? 0) > 0 })
        let info = try runner.run(["model", "info", "--json", "--model", "tiny-mpnet"])
        let fingerprint =
            (try? JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])?[
                "fingerprint"] as? String
        #expect(fingerprint != nil && rows.last?["fingerprint"] as? String == fingerprint, "\(info.stderr)")
    }
}
