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
                    "semfind: error: this index was built with tiny-mpnet, which is not installed; install it with scripts/install-model tiny-mpnet"
                ], "\(command)")
        }
        #expect(try status() == before)
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
