import Foundation
import TestSupport
import Testing

@testable import QueryEngine

@Suite struct RankingSettingTests {
    private func write(_ text: String) throws -> String {
        let path = try TestScratch.file("settings", named: "settings.jsonl")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("each line's settings apply over the base policy; {} leaves it as it is")
    func loading() throws {
        let path = try write("{\"fusion-k\": 10, \"opening-weight\": 0.25}\n\n{}\n{\"min-pieces\": 3}\n")
        let settings = try RankingSetting.load(path: path)
        #expect(settings.map(\.values) == [["fusion-k": 10, "opening-weight": 0.25], [:], ["min-pieces": 3]])
        #expect(settings.map(\.label) == ["opening-weight=0.25,fusion-k=10", "base", "min-pieces=3"])
        var base = QueryPolicy()
        base.keywordWeight = 0.5
        let policy = try settings[0].applied(to: base)
        #expect(policy.fusionK == 10 && policy.openingWeight == 0.25 && policy.keywordWeight == 0.5)
        #expect(try settings[1].applied(to: base).fusionK == base.fusionK)
    }

    @Test(
        "a malformed line or an unknown name is an error that names the file and line",
        arguments: [
            "{\"fusion-k\": \"ten\"}", "{\"fusion-k\": true}", "[10]", "{\"fusion-k\": 10", "{\"fusion-kk\": 10}",
            "{\"min-pieces\": 1e20}", "{\"keyword-weight\": -1}",
        ])
    func rejects(line: String) throws {
        let path = try write("{\"fusion-k\": 10}\n\(line)\n")
        do {
            _ = try RankingSetting.load(path: path)
            Issue.record("\(line) was accepted")
        } catch {
            #expect("\(error)".hasPrefix("\(path):2: "), "\(error)")
        }
    }

    @Test("a file without settings is an error")
    func empty() throws {
        let path = try write("\n  \n")
        #expect(throws: (any Error).self) { try RankingSetting.load(path: path) }
    }
}
