import Foundation
import TestSupport
import Testing

/// `semfind index`, `status` and search as a user runs them.
@Suite("Index and search commands, end to end")
struct IndexCommandTests {
    let folder = TestScratch.root.appendingPathComponent("e2e-\(UUID().uuidString.prefix(8))")
    var index: String { folder.appendingPathComponent("index.sqlite").path }

    var sampleCorpus: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("share/semfind/sample").path
    }

    func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test("index the sample corpus, see it in status, find the right file by meaning")
    func sampleCorpusRoundTrip() throws {
        let runner = CommandRunner()
        let first = try runner.run(["index", "--index", index, sampleCorpus, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try #require(
            jsonLines(first.stdout).last { $0["type"] as? String == "summary" }?["data"] as? [String: Any])
        #expect(summary["indexed"] as? Int == 5)
        #expect(summary["failed"] as? Int == 0)

        let status = try runner.run(["status", "--index", index, "--json"])
        let fields = try #require(jsonLines(status.stdout).first)
        #expect(fields["files"] as? Int == 5)
        #expect(fields["roots"] as? [String] == [sampleCorpus])
        #expect((fields["chunks"] as? Int ?? 0) >= 5)
        #expect(fields["chunks"] as? Int == fields["vectors"] as? Int)

        let search = try runner.run(["--index", index, "how do I take back my last git commit", "--json", "-k", "3"])
        #expect(search.status == 0, "\(search.stderr)")
        let results = jsonLines(search.stdout).filter { $0["type"] as? String == "result" }
        let top = try #require(results.first?["data"] as? [String: Any])
        #expect((top["path"] as? String)?.hasSuffix("notes/git-tips.md") == true)
        #expect(top["heading_path"] as? [String] == ["Git tips", "Undoing things", "The last commit"])

        let html = try runner.run(["search", "--index", index, "the disk became read-only", "-k", "1", "--json"])
        let htmlResults = jsonLines(html.stdout).filter { $0["type"] as? String == "result" }
        let hit = try #require(htmlResults.first?["data"] as? [String: Any])
        #expect((hit["path"] as? String)?.hasSuffix("server-logs.html") == true)
        #expect((hit["text"] as? String)?.contains("not indexed") == false, "scripts are not indexed")

        let again = try runner.run(["index", "--index", index, "--json"])
        let rerun = try #require(jsonLines(again.stdout).last?["data"] as? [String: Any])
        #expect(rerun["unchanged"] as? Int == 5)
        #expect(rerun["embedded"] as? Int == 0)
    }

    @Test("status and search of a missing index say how to create one")
    func missingIndex() throws {
        let result = try CommandRunner().run(["status", "--index", index])
        #expect(result.status == 2)
        #expect(result.stderr.contains("semfind index"))
        let search = try CommandRunner().run(["--index", index, "anything"])
        #expect(search.status == 2)
    }
}
