import Foundation
import SemfindCore
import TestSupport
import Testing

/// An index that grows past the IVF threshold (lowered through `SEMFIND_IVF_THRESHOLD`), as
/// users see it: it switches by itself, answers as flat search did, keeps answering while its
/// snapshot is stale, and says what it is in `semfind status`.
@Suite("IVF index, end to end")
struct IVFCommandTests {
    let folder = TestScratch.root.path + "/semfind-ivf-\(UUID().uuidString)"
    var index: String { folder + "/index.sqlite" }
    var corpus: String { folder + "/corpus" }
    static let words = [
        "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "hello", "world", "running", "cafe",
        "unbelievable", "run", "a", "b", "c",
    ]

    /// Writes notes `range`, one sentence of random words each, half Markdown and half text.
    func writeNotes(_ range: Range<Int>) throws {
        var generator = SeededGenerator(seed: UInt64(range.lowerBound + 11))
        for number in range {
            let folder = "\(corpus)/\(number % 2 == 0 ? "even" : "odd")"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let words = (0..<7).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }
            try Data((words.joined(separator: " ") + ".\n").utf8)
                .write(to: URL(fileURLWithPath: "\(folder)/note-\(number).\(number % 3 == 0 ? "md" : "txt")"))
        }
    }

    func runner(model: TinyBertModel, threshold: Int) -> CommandRunner {
        var runner = CommandRunner()
        runner.environment["SEMFIND_INDEX"] = index
        runner.environment["SEMFIND_MODEL"] = model.folder.path
        runner.environment["SEMFIND_SESSION"] = "test-\(UUID().uuidString)"
        runner.environment["SEMFIND_IVF_THRESHOLD"] = String(threshold)
        return runner
    }

    func status(_ runner: CommandRunner) throws -> [String: Any] {
        let result = try runner.run(["status", "--json"])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// The paths of the top 10 semantic results of each query.
    func topTen(_ runner: CommandRunner, _ queries: [String], filter: [String] = []) throws -> [[String]] {
        try queries.map { query in
            let result = try runner.run(
                [query, "--json", "--mode", "semantic", "-k", "10", "--no-session", "--no-floor"] + filter)
            #expect(result.status == 0, "\(query): \(result.stderr)")
            return result.stdoutLines.compactMap { line in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                guard object?["type"] as? String == "result" else { return nil }
                return (object?["data"] as? [String: Any])?["path"] as? String
            }
        }
    }

    static let queries = [
        "the quick brown fox", "lazy dog running", "hello world", "unbelievable cafe", "run over the dog",
        "a b c", "brown dog jumps", "quick world", "cafe running fox", "the lazy hello", "jumps over a cafe",
        "world of c", "b run quick", "fox fox fox", "dog hello brown", "unbelievable running over the lazy dog",
    ]

    func overlap(_ first: [[String]], _ second: [[String]]) -> Double {
        let shared = zip(first, second).reduce(0) { $0 + Set($1.0).intersection($1.1).count }
        return Double(shared) / Double(first.reduce(0) { $0 + $1.count })
    }

    @Test("growing past the threshold switches to IVF; answers overlap flat ones; status shows it")
    func switchesByItself() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try TinyBertModel()
        defer { model.remove() }
        let ivf = runner(model: model, threshold: 600)
        try writeNotes(0..<500)
        #expect(try ivf.run(["index", corpus]).status == 0)
        #expect(try status(ivf)["index_kind"] as? String == "flat")
        #expect(try status(ivf)["ivf_probes"] == nil)

        try writeNotes(500..<800)
        let grown = try ivf.run(["index"])
        #expect(grown.status == 0, "\(grown.stderr)")
        let fields = try status(ivf)
        #expect(fields["index_kind"] as? String == "ivf")
        #expect(fields["ivf_lists"] as? Int == Int((4 * 800.0.squareRoot()).rounded()))
        #expect((fields["ivf_probes"] as? Int ?? 0) >= 1)
        #expect((fields["ivf_recall_at_10"] as? Double ?? 0) >= 0.95)
        #expect(fields["ivf_recall_queries"] as? Int == 500)
        let human = try ivf.run(["status"]).stdout
        #expect(human.contains("ivf_probes") && human.contains("ivf_recall_at_10"), "\(human)")

        let approximate = try topTen(ivf, Self.queries)
        let narrow = try topTen(ivf, Self.queries, filter: ["--glob", "*.md", "--in", corpus + "/even"])

        // The same index, flat again: exact answers to compare with.
        let flat = runner(model: model, threshold: 1_000_000)
        #expect(try flat.run(["index", "--reindex-vectors"]).status == 0)
        #expect(try status(flat)["index_kind"] as? String == "flat")
        let exact = try topTen(flat, Self.queries)
        #expect(exact.allSatisfy { $0.count == 10 })
        #expect(overlap(exact, approximate) >= 0.95, "\(overlap(exact, approximate))")
        let exactNarrow = try topTen(flat, Self.queries, filter: ["--glob", "*.md", "--in", corpus + "/even"])
        #expect(narrow.allSatisfy { $0.count == 10 && $0.allSatisfy { $0.hasSuffix(".md") && $0.contains("/even/") } })
        #expect(overlap(exactNarrow, narrow) >= 0.95, "a filter is applied before the top 10")
    }

    @Test("new notes join lists without training; --reindex-vectors trains; a stale snapshot still answers")
    func staysCurrent() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try TinyBertModel()
        defer { model.remove() }
        let runner = runner(model: model, threshold: 300)
        try writeNotes(0..<400)
        #expect(try runner.run(["index", corpus]).status == 0)
        #expect(try status(runner)["ivf_trained_vectors"] as? Int == 400)

        let snapshot = index + ".vectors"
        try FileManager.default.copyItem(atPath: snapshot, toPath: folder + "/old.vectors")
        try writeNotes(400..<500)
        #expect(try runner.run(["index"]).status == 0)
        let fields = try status(runner)
        #expect(fields["vectors"] as? Int == 500)
        #expect(fields["ivf_trained_vectors"] as? Int == 400, "100 new notes do not call for training")
        let current = try topTen(runner, Self.queries)
        #expect(
            current.joined().contains {
                Int($0.split(separator: "-").last?.split(separator: ".").first ?? "") ?? 0 >= 400
            })

        // The snapshot of before the new notes: older than the database, so rows come from it.
        try FileManager.default.removeItem(atPath: snapshot)
        try FileManager.default.copyItem(atPath: folder + "/old.vectors", toPath: snapshot)
        #expect(try topTen(runner, Self.queries) == current)
        try FileManager.default.removeItem(atPath: snapshot)
        #expect(try topTen(runner, Self.queries) == current)

        let reindexed = try runner.run(["index", "--reindex-vectors"])
        #expect(reindexed.status == 0, "\(reindexed.stderr)")
        #expect(try status(runner)["ivf_trained_vectors"] as? Int == 500)
        #expect(FileManager.default.fileExists(atPath: snapshot))
        try FileManager.default.removeItem(atPath: corpus + "/odd")
        #expect(try runner.run(["index"]).status == 0)
        #expect(try status(runner)["vectors"] as? Int == 250)
        let listed = try runner.run(["status", "--integrity-check"])
        #expect(listed.stdout.hasPrefix("ok"))
    }
}
