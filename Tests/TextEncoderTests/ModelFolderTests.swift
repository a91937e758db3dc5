import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import TextEncoder

@Suite("Model folder: config, pooling, discovery")
struct ModelFolderTests {
    func expectError(_ code: SemfindError.Code, mentioning words: [String], _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected a \(code) error")
        } catch let error as SemfindError {
            #expect(error.code == code, "\(error.message)")
            for word in words { #expect(error.message.contains(word), "\(error.message) should mention \(word)") }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("an unknown architecture or activation is refused by name")
    func unsupportedConfig() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        try model.write("config.json", TinyBertModel.configJSON(architecture: "GPT2Model", modelType: "gpt2"))
        expectError(.unsupportedModel, mentioning: ["GPT2Model", "config.json"]) {
            _ = try SentenceEncoder(folder: model.folder)
        }
        try model.write("config.json", TinyBertModel.configJSON(activation: "gelu_new"))
        expectError(.unsupportedModel, mentioning: ["gelu_new"]) { _ = try SentenceEncoder(folder: model.folder) }
        try model.write("config.json", "{\"model_type\": \"bert\"}")
        expectError(.invalidModel, mentioning: ["config.json", "vocab_size"]) {
            _ = try SentenceEncoder(folder: model.folder)
        }
    }

    @Test("a truncated checkpoint is refused when the encoder loads")
    func truncatedWeights() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        let weights = model.folder.appendingPathComponent("model.safetensors")
        let data = try Data(contentsOf: weights)
        try data.prefix(data.count / 2).write(to: weights)
        expectError(.invalidModel, mentioning: ["model.safetensors", "truncated"]) {
            _ = try SentenceEncoder(folder: model.folder)
        }
    }

    @Test("pooling mode and normalization come from the sentence-transformers modules")
    func pooling() throws {
        let model = try TinyBertModel()
        defer { model.remove() }
        #expect(try PoolingConfig.load(folder: model.folder) == PoolingConfig(mode: .mean, normalize: true))
        try model.write("1_Pooling/config.json", "{\"pooling_mode_cls_token\": true}")
        try model.write(
            "modules.json", "[{\"path\": \"1_Pooling\", \"type\": \"sentence_transformers.models.Pooling\"}]")
        #expect(try PoolingConfig.load(folder: model.folder) == PoolingConfig(mode: .cls, normalize: false))
        let encoder = try SentenceEncoder(folder: model.folder)
        let norm = encoder.encode(["hello world"])[0].reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) > 1e-3, "CLS pooling without Normalize must not normalize")
    }

    @Test("discovery order: --model, SEMFIND_MODEL, XDG_DATA_HOME, ~/.local/share, beside the executable")
    func discovery() throws {
        let root = TestScratch.root.appendingPathComponent("locator-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func makeModel(_ path: String) throws -> URL {
            let folder = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: folder.appendingPathComponent("model.safetensors"))
            return folder
        }
        let beside = try makeModel("prefix/share/semfind/models/all-MiniLM-L6-v2")
        let executable = root.appendingPathComponent("prefix/bin/semfind")
        var environment = ["HOME": root.appendingPathComponent("home").path]
        var locator = ModelLocator(environment: environment, executableURL: executable)
        #expect(try locator.locate(explicit: nil).path == beside.path)
        let home = try makeModel("home/.local/share/semfind/models/all-MiniLM-L6-v2")
        #expect(try locator.locate(explicit: nil).path == home.path)
        let xdg = try makeModel("xdg/semfind/models/all-MiniLM-L6-v2")
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("xdg").path
        locator = ModelLocator(environment: environment, executableURL: executable)
        #expect(try locator.locate(explicit: nil).path == xdg.path)
        let fromEnvironment = try makeModel("env-model")
        environment["SEMFIND_MODEL"] = fromEnvironment.path
        locator = ModelLocator(environment: environment, executableURL: executable)
        #expect(try locator.locate(explicit: nil).path == fromEnvironment.path)
        let explicit = try makeModel("explicit")
        #expect(try locator.locate(explicit: explicit.path).path == explicit.path)
        expectError(.modelNotFound, mentioning: ["nowhere", "--model"]) {
            _ = try locator.locate(explicit: root.appendingPathComponent("nowhere").path)
        }
        let empty = ModelLocator(environment: ["HOME": root.appendingPathComponent("nobody").path], executableURL: nil)
        expectError(.modelNotFound, mentioning: ["semfind model install all-MiniLM-L6-v2", "nobody"]) {
            _ = try empty.locate(explicit: nil)
        }
    }
}
