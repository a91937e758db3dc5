import Foundation
import TestSupport
import Testing

/// `semfind embed`, `tokenize` and `model info` as a user runs them, with the installed model.
@Suite("Encoder commands, end to end")
struct EncoderCommandTests {
    let runner = CommandRunner()

    func vectors(_ result: CommandRunner.Result) throws -> [[Double]] {
        try result.stdoutLines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["embedding"] as? [Double])
        }
    }

    @Test("embed writes one 384-float JSON line per input line, in input order")
    func embedLines() throws {
        let texts = ["How do I rotate the logs?", "", "The quick brown fox.", "How do I rotate the logs?"]
        let result = try runner.run(["embed"], text: texts.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try vectors(result)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == 384 })
        #expect(rows[0] == rows[3])
        let alone = try vectors(try runner.run(["embed"], text: "The quick brown fox.\n"))
        let difference = zip(alone[0], rows[2]).map { abs($0 - $1) }.max() ?? 1
        #expect(difference < 1e-6)
    }

    @Test("embed --jsonl accepts texts that hold newlines, and matches the fixture")
    func embedJSONLines() throws {
        let fixture = try ParityFixture.load()
        let input = try fixture.cases.map { item in
            String(decoding: try JSONSerialization.data(withJSONObject: ["text": item.text]), as: UTF8.self)
        }.joined(separator: "\n")
        let result = try runner.run(["embed", "--jsonl"], text: input)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try vectors(result)
        #expect(rows.count == fixture.cases.count)
        for (item, row) in zip(fixture.cases, rows) {
            let cosine = zip(item.embedding, row).reduce(0.0) { $0 + Double($1.0) * $1.1 }
            #expect(cosine >= 0.9999, "case \(item.id)")
        }
    }

    @Test("embed --encoder-precision int8 stays near the fixture; a bad precision is a usage error")
    func embedInt8() throws {
        let fixture = try ParityFixture.load()
        let cases = fixture.cases.filter {
            !$0.text.contains("\n") && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty
        }
        let result = try runner.run(
            ["embed", "--encoder-precision", "int8"], text: cases.map(\.text).joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try vectors(result)
        #expect(rows.count == cases.count)
        for (item, row) in zip(cases, rows) {
            let cosine = zip(item.embedding, row).reduce(0.0) { $0 + Double($1.0) * $1.1 }
            #expect(cosine >= 0.99, "case \(item.id)")
        }
        let bad = try runner.run(["embed", "--encoder-precision", "int4"], text: "hello\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--encoder-precision"))
    }

    @Test("tokenize writes the ids the model sees")
    func tokenize() throws {
        let result = try runner.run(["tokenize"], text: "hello world\nThe quick brown fox.\n")
        #expect(result.status == 0)
        #expect(
            result.stdoutLines == ["{\"ids\":[101,7592,2088,102]}", "{\"ids\":[101,1996,4248,2829,4419,1012,102]}"])
    }

    @Test("model info names the model, its dimension, length and fingerprint")
    func modelInfo() throws {
        let result = try runner.run(["model", "info", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "all-MiniLM-L6-v2")
        #expect(object?["dimension"] as? Int == 384)
        #expect(object?["max_length"] as? Int == 256)
        #expect((object?["fingerprint"] as? String)?.hasPrefix("all-MiniLM-L6-v2-") == true)
    }
}
