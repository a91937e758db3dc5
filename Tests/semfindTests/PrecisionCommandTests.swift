import Foundation
import TestSupport
import Testing

/// `semfind index --precision` as a user runs it.
@Suite("Stored precision, end to end")
struct PrecisionCommandTests {
    let folder = TestScratch.root.appendingPathComponent("precision-e2e-\(UUID().uuidString.prefix(8))")
    var index: String { folder.appendingPathComponent("index.sqlite").path }

    var sampleCorpus: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("share/semfind/sample").path
    }

    func status(_ runner: CommandRunner) throws -> [String: Any] {
        let result = try runner.run(["status", "--index", index, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The paths of a search's results, best first.
    func topPaths(_ runner: CommandRunner, _ query: String) throws -> [String] {
        let result = try runner.run(["search", "--index", index, query, "--json", "-k", "5", "--no-session"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard object?["type"] as? String == "result" else { return nil }
            return (object?["data"] as? [String: Any])?["path"] as? String
        }
    }

    @Test("a new index stores int8; f32 converts down to f16 and int8 with the same answers; up is refused")
    func precisions() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = CommandRunner()
        let queries = ["how do I take back my last git commit", "the disk became read-only"]

        let first = try runner.run(["index", "--index", index, sampleCorpus])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try status(runner)["precision"] as? String == "int8")
        try FileManager.default.removeItem(at: folder)

        let full = try runner.run(["index", "--index", index, sampleCorpus, "--precision", "f32"])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(try status(runner)["precision"] as? String == "f32")
        let f32Bytes = try #require(try status(runner)["bytes_on_disk"] as? Int)
        let answers = try queries.map { try topPaths(runner, $0) }
        #expect(answers.allSatisfy { !$0.isEmpty })

        for precision in ["f16", "int8"] {
            let converted = try runner.run(["index", "--index", index, "--precision", precision, "--json"])
            #expect(converted.status == 0, "\(converted.stderr)")
            #expect(converted.stdout.contains("\"embedded\":0"), "converting embeds nothing: \(converted.stdout)")
            let fields = try status(runner)
            #expect(fields["precision"] as? String == precision)
            #expect(fields["chunks"] as? Int == fields["vectors"] as? Int)
            #expect(try queries.map { try topPaths(runner, $0).first } == answers.map(\.first), "\(precision)")
        }
        #expect(try #require(try status(runner)["bytes_on_disk"] as? Int) < f32Bytes)

        let up = try runner.run(["index", "--index", index, "--precision", "f32"])
        #expect(up.status == 2)
        #expect(up.stderr.contains("--rebuild --precision f32"), "\(up.stderr)")
        #expect(try status(runner)["precision"] as? String == "int8", "a refused change leaves the index as it was")

        let bad = try runner.run(["index", "--index", index, "--precision", "f8"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("f32") && bad.stderr.contains("int8"), "\(bad.stderr)")
    }

    @Test("--encoder int8 is recorded; updates and searches use it; another encoder needs --rebuild")
    func encoderPrecision() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = CommandRunner()
        let first = try runner.run(["index", "--index", index, sampleCorpus, "--encoder", "int8"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try status(runner)["encoder"] as? String == "int8")
        #expect(try topPaths(runner, "how do I take back my last git commit").first?.hasSuffix("git-tips.md") == true)

        let other = try runner.run(["index", "--index", index, "--encoder", "fp32"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("--rebuild --encoder fp32"), "\(other.stderr)")
        let update = try runner.run(["index", "--index", index])
        #expect(update.status == 0, "an update without --encoder keeps the index's: \(update.stderr)")
        #expect(try status(runner)["encoder"] as? String == "int8")

        let rebuilt = try runner.run(["index", "--index", index, "--rebuild"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try status(runner)["encoder"] as? String == "int8", "--rebuild keeps the encoder unless told")
        let fp32 = try runner.run(["index", "--index", index, "--rebuild", "--encoder", "fp32"])
        #expect(fp32.status == 0, "\(fp32.stderr)")
        #expect(try status(runner)["encoder"] as? String == "fp32")

        let bad = try runner.run(["index", "--index", index, "--encoder", "int4"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("fp32") && bad.stderr.contains("int8"), "\(bad.stderr)")
    }
}
