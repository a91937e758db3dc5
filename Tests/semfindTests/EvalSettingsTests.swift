import Foundation
import TestSupport
import Testing

/// `semfind eval --settings`: many ranking settings in one process give what each gives alone.
@Suite("Eval of many settings, end to end")
struct EvalSettingsTests {
    let folder = TestScratch.root.path + "/semfind-eval-settings-\(UUID().uuidString)"

    /// Each row's per-query ranks and figures, keyed by its setting's JSON.
    private func rows(_ stdout: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        var rows: [String: [String: Any]] = [:]
        for row in results {
            let setting = try JSONSerialization.data(withJSONObject: row["setting"] ?? [:], options: [.sortedKeys])
            rows[String(decoding: setting, as: UTF8.self)] = row
        }
        return rows
    }

    private func ranks(_ row: [String: Any]?) -> [String] {
        (row?["per_query"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "?")=\($0["rank"] ?? "none")" }
    }

    /// Long handbooks whose sections cover every topic, and short notes of one sentence each:
    /// files and passages compete, so ranking settings change the ranks.
    private func writeCorpus(_ corpus: String) throws {
        let topics: [(name: String, sentences: [String])] = [
            (
                "git",
                [
                    "Undo the last commit with git reset --soft HEAD~1 and keep the changes staged.",
                    "A rebase rewrites history; never rebase branches others have pulled.",
                    "git stash saves uncommitted work so you can switch branches cleanly.",
                ]
            ),
            (
                "logs",
                [
                    "logrotate compresses old log files and deletes them after a week.",
                    "When the disk fills up, journalctl --vacuum-size trims the system journal.",
                    "Send application logs to syslog so one daemon manages their rotation.",
                ]
            ),
            (
                "bread",
                [
                    "Let the dough rise until doubled, about an hour in a warm kitchen.",
                    "Knead bread dough for ten minutes until it is smooth and elastic.",
                    "A sourdough starter needs feeding with flour and water every day.",
                ]
            ),
            (
                "travel",
                [
                    "Pack a passport, charger and a change of clothes in your carry-on bag.",
                    "Arrive at the airport two hours before an international flight.",
                    "Liquids in hand luggage must be in containers of 100 ml or less.",
                ]
            ),
        ]
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        for number in 0..<12 {
            var blocks = ["# Handbook \(number)"]
            for (name, sentences) in topics[(number % 4)...] + topics[..<(number % 4)] {
                blocks.append("## \(name) notes")
                blocks += (0..<3).map { sentences[(number + $0) % 3] + " " + sentences[(number + $0 + 1) % 3] }
            }
            try Data(blocks.joined(separator: "\n\n").utf8).write(
                to: URL(fileURLWithPath: corpus + "/handbook-\(number).md"))
        }
        for (number, topic) in (topics + topics + topics).enumerated() {
            try Data((topic.sentences[number % 3] + "\n").utf8).write(
                to: URL(fileURLWithPath: corpus + "/\(topic.name)-\(number).txt"))
        }
    }

    @Test("settings that change only the fusion, ranked from one gathering, match each run alone")
    func reusedEvidenceMatchesFreshRuns() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeCorpus(folder + "/corpus")
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = folder + "/index.sqlite"
        try #require(try runner.run(["index", folder + "/corpus"]).status == 0)
        let queries = folder + "/queries.jsonl"
        try Data(
            """
            {"id": "git", "query": "how do I take back my last git commit", "relevant": ["handbook-3.md#L1-L12"]}
            {"id": "logs", "query": "the disk filled up with old log files", "relevant": ["handbook-5.md"]}
            {"id": "bread", "query": "how long should dough rise", "relevant": ["bread-6.txt"]}
            {"id": "trip", "query": "what to pack for a flight", "relevant": ["handbook-7.md#L20-L40"]}
            {"id": "stash", "query": "save unfinished work before switching branch", "relevant": ["handbook-1.md"]}

            """.utf8
        ).write(to: URL(fileURLWithPath: queries))
        let settings = [
            #"{"keyword-weight": 2}"#, #"{"passage-weight": 0, "file-decay": 0}"#, "{}", #"{"opening-weight": 0}"#,
        ]
        func evaluate(_ lines: [String]) throws -> [String: [String: Any]] {
            let file = folder + "/settings-\(UUID().uuidString).jsonl"
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
            let run = try runner.run(["eval", queries, "--settings", file, "--json", "--per-query", "--no-floor"])
            try #require(run.status == 0, "\(run.stderr)")
            return try rows(run.stdout)
        }
        let together = try evaluate(settings)
        #expect(together.count == settings.count)
        for setting in settings {
            let alone = try evaluate([setting])
            #expect(alone.count == 1)
            let key = try #require(alone.keys.first)
            #expect(ranks(together[key]) == ranks(alone[key]), "\(setting)")
            #expect(together[key]?["mrr_at_10"] as? Double == alone[key]?["mrr_at_10"] as? Double, "\(setting)")
        }
        #expect(
            Set(together.values.map { ranks($0) }).count > 1,
            "the settings rank differently, so the comparison can fail")
    }
}
