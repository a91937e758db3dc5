import Foundation
import TestSupport
import Testing

/// The relevance floor as users meet it: measured by `semfind index`, shown by `status`,
/// leaving out what only chance brought, and saying so when nothing is left.
@Suite("Relevance floor, end to end")
struct RelevanceFloorTests {
    /// Eight notes on subjects with nothing in common, a paragraph each.
    static let notes = [
        "bicycle": "Fixing a flat tyre on a bicycle: lever the tyre off the rim, find the puncture in the inner tube, "
            + "roughen the rubber around it, glue on a patch, and pump the tube back up before refitting the wheel.",
        "orbits": "Jupiter has dozens of moons. The four largest, found by Galileo, orbit close to the planet, "
            + "and Io is the most volcanic body in the solar system because of tidal heating.",
        "taxes": "A self-employed person files an annual income tax return, lists business expenses as deductions, "
            + "and pays estimated tax every quarter to avoid a penalty for underpayment.",
        "guitar": "To tune a guitar by ear, fret the low E string at the fifth fret and match the open A string, "
            + "then repeat up the neck, fretting the G string at the fourth fret for the B.",
        "roses": "Prune roses in late winter, cutting just above an outward-facing bud and removing dead, "
            + "crossing and weak canes so that air moves through the bush.",
        "knitting": "Cast on forty stitches with chunky wool, knit every row in garter stitch until the scarf is "
            + "as long as you are tall, then bind off loosely and weave in the ends.",
        "volcanoes": "Volcanoes on the ocean floor form where tectonic plates pull apart and magma rises through "
            + "the gap, building ridges of pillow lava under kilometres of water.",
        "puppies": "A growing puppy eats three or four small meals a day; weigh the food, follow the amount on "
            + "the bag for its expected adult weight, and keep fresh water out at all times.",
    ]

    let folder = TestScratch.root.path + "/semfind-floor-\(UUID().uuidString)"
    var corpus: String { folder + "/notes" }

    func indexedRunner() throws -> CommandRunner {
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        for (name, text) in Self.notes {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: corpus + "/\(name).txt"))
        }
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = folder + "/index.sqlite"
        runner.environment["SEMFIND_SESSION"] = "test-\(UUID().uuidString)"
        let indexed = try runner.run(["index", corpus])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        return runner
    }

    func paths(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard object?["type"] as? String == "result" else { return nil }
            return (object?["data"] as? [String: Any])?["path"] as? String
        }
    }

    @Test("semfind index measures the floor; status shows it, in words and in JSON")
    func statusShowsTheFloor() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let status = try runner.run(["status", "--json"])
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let floor = try #require(fields["relevance_floor"] as? Double, "\(status.stdout)")
        #expect(floor > 0 && floor < 1)
        let human = try runner.run(["status"])
        #expect(human.stdoutLines.contains { $0.hasPrefix("relevance_floor") && $0.contains(String(floor)) })
    }

    @Test("unrelated files stay out of a search; --no-floor and --min-score bring them back")
    func unrelatedFilesStayOut() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        for mode in ["hybrid", "semantic"] {
            let search = try runner.run(["repair a punctured inner tube", "--mode", mode, "--json", "--no-session"])
            #expect(search.status == 0, "\(search.stderr)")
            let found = paths(search.stdout)
            #expect(!found.isEmpty && found.allSatisfy { $0.hasSuffix("/bicycle.txt") }, "\(mode): \(found)")
            #expect(search.stdout.contains(#""relevance_floor":"#))
        }
        let everything = try runner.run(["repair a punctured inner tube", "--no-floor", "--json", "--no-session"])
        #expect(Set(paths(everything.stdout)).count == Self.notes.count, "\(paths(everything.stdout))")
        let threshold = try runner.run(["repair a punctured inner tube", "--min-score=-1", "--json", "--no-session"])
        #expect(Set(paths(threshold.stdout)).count == Self.notes.count)
        #expect(!threshold.stdout.contains(#""relevance_floor":"#), "--min-score replaces the floor")
    }

    @Test(
        "on the sample corpus, the README's question finds git passages alone and sourdough the kitchen note",
        arguments: [
            (query: "how do I take back my last git commit", file: "/notes/git-tips.md"),
            (query: "sourdough", file: "/notes/kitchen.txt"),
        ])
    func sampleQuestions(query: String, file: String) throws {
        let folder = self.folder + "-\(file.split(separator: "/").last ?? "")"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = folder + "/index.sqlite"
        try #require(try runner.run(["index", SearchCommandTests.sample]).status == 0)
        let search = try runner.run([query, "--json", "--no-session", "-k", "20"])
        #expect(search.status == 0)
        let found = paths(search.stdout)
        #expect(!found.isEmpty && found.allSatisfy { $0.hasSuffix(file) }, "\(found)")
        let everything = try runner.run([query, "--json", "--no-session", "-k", "20", "--no-floor"])
        #expect(Set(paths(everything.stdout)).count > 1, "without the floor, other files come too")
    }

    @Test("when nothing passes the floor the search says so on stderr, prints nothing and exits 1")
    func nothingPassesExitsOne() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let search = try runner.run(["the history of the printing press in Europe", "--no-session"])
        #expect(search.status == 1, "\(search.stdout)")
        #expect(search.stdout.isEmpty)
        #expect(search.stderr.contains("--no-floor"), "\(search.stderr)")
        let everything = try runner.run(["the history of the printing press in Europe", "--no-session", "--no-floor"])
        #expect(everything.status == 0)
    }

    @Test("a passage below the floor stays when it holds the query's rare words, marked as a keyword match")
    func rareKeywordsKeepAPassage() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let query = ["zqxvulp", "--no-session", "--no-hyperlinks"]
        let label = "The label on the drawer says zqxvulp."
        let shed = [Self.notes["puppies"], Self.notes["roses"], label].compactMap { $0 }.joined(separator: " ")
        try Data((shed + "\n").utf8).write(to: URL(fileURLWithPath: corpus + "/shed.txt"))
        try #require(try runner.run(["index", corpus]).status == 0)
        let json = try runner.run(query + ["--json"])
        let lines = json.stdoutLines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let floor = try #require(lines.first.flatMap { ($0["data"] as? [String: Any])?["relevance_floor"] as? Double })
        let result = try #require(
            lines.compactMap { $0["type"] as? String == "result" ? $0["data"] as? [String: Any] : nil }.first)
        #expect((result["path"] as? String)?.hasSuffix("/shed.txt") == true, "\(json.stdout)")
        try #require(
            (result["similarity"] as? Double ?? 1) < floor, "the passage must be one that only its keyword keeps")
        let human = try runner.run(query)
        #expect(human.status == 0)
        #expect(human.stdoutLines.count == 3 && human.stdoutLines[1].contains("keyword match"), "\(human.stdout)")
    }
}
