import Foundation
import TestSupport
import Testing

/// Every line `semfind search --json` prints validates against
/// share/semfind/schema/search.schema.json: the built binary, on an index of the sample
/// corpus made with the installed model.
@Suite("Search JSON output against its schema")
struct SearchSchemaTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: packageRoot.appendingPathComponent("share/semfind/schema/search.schema.json"))
    }

    @Test("every line of hybrid, semantic, keyword, augmented, stale, vanished and empty searches validates")
    func realOutputValidates() throws {
        let validator = try Self.validator()
        let model = try InstalledModel.folder().path
        let folder = TestScratch.root.path + "/semfind-schema-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A copy of the sample, so that one file can change and another vanish once indexed.
        let corpus = folder + "/corpus", index = folder + "/index.sqlite"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.packageRoot.appendingPathComponent("share/semfind/sample").path, toPath: corpus)
        let runner = CommandRunner()
        let indexed = try runner.run(["index", "--index", index, "--model", model, corpus])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        let travel = try FileHandle(forWritingTo: URL(fileURLWithPath: corpus + "/manuals/travel.md"))
        try travel.seekToEnd()
        try travel.write(contentsOf: Data("\nPack a spare passport photo.\n".utf8))
        try travel.close()
        try FileManager.default.removeItem(atPath: corpus + "/notes/kitchen.txt")

        let searches: [(arguments: [String], status: Int32)] = [
            (["rotate the server logs"], 0),
            (["logs", "--context", "rotating the application logs every day", "-k", "2"], 0),
            (["rotate logs", "-k", "2"], 0),
            (["passport visa", "--mode", "keyword"], 0),
            (["a checklist for a trip abroad", "--mode", "semantic", "-k", "2"], 0),
            (["feeding the sourdough starter", "-k", "3", "--no-floor"], 0),
            (["zzzqqqxxy", "--mode", "keyword"], 1),
        ]
        var seen = Set<String>()
        for (arguments, status) in searches {
            let result = try runner.run(
                ["search", "--index", index, "--model", model, "--json", "--no-session"] + arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            for line in result.stdoutLines {
                let errors = validator.errors(in: line)
                #expect(errors.isEmpty, "\(arguments): \(errors.joined(separator: "; "))\n\(line)")
            }
            let parsed = messages(result.stdout)
            #expect(parsed.count == result.stdoutLines.count, "\(arguments): every line is a message")
            #expect(parsed.first?.type == "begin" && parsed.last?.type == "summary", "\(arguments)")
            let results = parsed.filter { $0.type == "result" }
            #expect(parsed.last?.data["results"] as? Int == results.count, "\(arguments)")
            #expect(results.map { $0.data["rank"] as? Int } == results.indices.map { $0 + 1 }, "\(arguments)")
            // What the schema cannot say: ranges run forwards, and highlights lie within the snippet.
            for data in results.map(\.data) {
                let int = { (key: String) in data[key] as? Int ?? -1 }
                let snippet = (data["snippet"] as? String ?? "").utf8.count
                let highlights = data["highlights"] as? [[Int]] ?? []
                #expect(int("first_line") <= int("last_line") && int("first_byte") < int("end_byte"), "\(data)")
                #expect(highlights.allSatisfy { $0.count == 2 && $0[0] < $0[1] && $0[1] <= snippet }, "\(data)")
            }
            seen.formUnion(parsed.map(\.type))
            if parsed.first?.data["augmented_by"] != nil { seen.insert("augmented_by") }
            if results.contains(where: { $0.data["stale"] as? Bool == true }) { seen.insert("stale") }
            if (parsed.last?.data["vanished"] as? Int ?? 0) > 0 { seen.insert("vanished") }
        }
        // The searches above reach every kind of message and every optional part.
        #expect(seen == ["begin", "warning", "result", "summary", "augmented_by", "stale", "vanished"])
    }

    static let result = """
        {"type":"result","data":{"rank":1,"path":"notes/a.md","absolute_path":"/s/notes/a.md","first_line":3,\
        "last_line":5,"first_byte":20,"end_byte":235,"heading_path":["A","B"],"score":0.03,"similarity":0.46,\
        "keyword_rank":1,"snippet":"the passport","highlights":[[4,12]],"text":"The passport.","stale":false,\
        "format":"markdown"}}
        """

    @Test(
        "the validator rejects a broken line and says where",
        arguments: [
            (#""rank":1,"#, "", #"/data: missing required property "rank""#),
            (#""rank":1"#, #""rank":"1""#, "/data/rank: expected integer"),
            (#""stale":false"#, #""stale":0"#, "/data/stale: expected boolean"),
            ("[[4,12]]", "[[4,12,13]]", "/data/highlights/0/2: no value is allowed here"),
            ("[[4,12]]", "[[4]]", "/data/highlights/0: fewer than 2 items"),
            (#""rank":1"#, #""rank":0"#, "/data/rank: 0 is below the minimum 1"),
            (#""stale":false"#, #""stale":false,"score2":1"#, #"/data: unexpected property "score2""#),
            (#""type":"result""#, #""type":"hit""#, "/type: expected \"result\""),
        ])
    func rejects(replacing original: String, with replacement: String, expected: String) throws {
        let validator = try Self.validator()
        #expect(validator.errors(in: Self.result).isEmpty, "the unbroken line is valid")
        let broken = Self.result.replacingOccurrences(of: original, with: replacement)
        #expect(broken != Self.result)
        let errors = validator.errors(in: broken)
        #expect(errors.contains { $0.hasPrefix(expected) }, "\(errors)")
    }

    @Test("begin, warning and summary lines: valid ones pass, a wrong mode or version fails")
    func otherMessages() throws {
        let validator = try Self.validator()
        let begin = #"{"type":"begin","data":{"schema_version":2,"query":"q","mode":"hybrid","limit":3,"index":"i"}}"#
        #expect(validator.errors(in: begin).isEmpty)
        #expect(!validator.errors(in: begin.replacingOccurrences(of: "hybrid", with: "fuzzy")).isEmpty)
        #expect(
            !validator.errors(in: begin.replacingOccurrences(of: "\"schema_version\":2", with: "\"schema_version\":1"))
                .isEmpty)
        #expect(validator.errors(in: #"{"type":"warning","data":{"message":"m"}}"#).isEmpty)
        #expect(!validator.errors(in: #"{"type":"warning","data":{"message":null}}"#).isEmpty)
        let summary = #"{"type":"summary","data":{"results":0,"elapsed_ms":1.5,"low_confidence":false,"vanished":0}}"#
        #expect(validator.errors(in: summary).isEmpty)
        #expect(!validator.errors(in: summary.replacingOccurrences(of: ",\"vanished\":0", with: "")).isEmpty)
        #expect(!validator.errors(in: "not json").isEmpty)
    }
}
