import Foundation
import TestSupport
import Testing

/// Bad input never crashes: one line on stderr that says what to do, and exit status 2.
@Suite("Bad input, end to end")
struct BadInputTests {
    func expectOneLineError(_ result: CommandRunner.Result, mentioning words: [String]) {
        #expect(result.status == 2, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        for word in words { #expect(result.stderr.contains(word), "\(result.stderr) should mention \(word)") }
    }

    @Test("no model installed: says how to install it")
    func noModel() throws {
        let home = TestScratch.root.appendingPathComponent("empty-home-\(UUID().uuidString)")
        var runner = CommandRunner()
        runner.environment["HOME"] = home.path
        runner.environment["XDG_DATA_HOME"] = nil
        runner.environment["SEMFIND_MODEL"] = nil
        expectOneLineError(
            try runner.run(["embed"], text: "hello\n"), mentioning: ["no model found", "semfind model install"])
        expectOneLineError(try runner.run(["model", "info"]), mentioning: ["semfind model install"])
    }

    @Test("a truncated or corrupted checkpoint: names the file")
    func brokenWeights() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        let weights = model.folder.appendingPathComponent("model.safetensors")
        let data = try Data(contentsOf: weights)
        try data.prefix(data.count - 100).write(to: weights)
        let runner = CommandRunner()
        expectOneLineError(
            try runner.run(["embed", "--model", model.folder.path], text: "hello\n"),
            mentioning: ["model.safetensors", "truncated"])
        try Data(repeating: 0xFF, count: 4096).write(to: weights)
        expectOneLineError(
            try runner.run(["embed", "--model", model.folder.path], text: "hello\n"), mentioning: ["model.safetensors"])
    }

    @Test("a config with an unknown architecture: names it")
    func unknownArchitecture() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        try model.write("config.json", TinyBertModel.configJSON(architecture: "LlamaForCausalLM", modelType: "llama"))
        expectOneLineError(
            try CommandRunner().run(["embed", "--model", model.folder.path], text: "hello\n"),
            mentioning: ["LlamaForCausalLM", "not supported"])
    }

    @Test("invalid UTF-8, malformed JSON lines and empty input: name the line")
    func badStandardInput() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        let runner = CommandRunner()
        let arguments = ["embed", "--model", model.folder.path]
        expectOneLineError(
            try runner.run(arguments, input: Data([0x68, 0x69, 0xFF, 0xFE, 0x0A])), mentioning: ["line 1", "UTF-8"])
        expectOneLineError(try runner.run(arguments, text: ""), mentioning: ["no input"])
        expectOneLineError(
            try runner.run(arguments + ["--jsonl"], text: "{\"text\": 3}\n"), mentioning: ["line 1", "\"text\""])
        expectOneLineError(
            try runner.run(["tokenize", "--model", model.folder.path], text: ""), mentioning: ["no input"])
    }

    @Test("a bad option value: usage error with status 2")
    func badOption() throws {
        let result = try CommandRunner().run(["embed", "--batch-size", "0"], text: "hello\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--batch-size"))
    }
}
