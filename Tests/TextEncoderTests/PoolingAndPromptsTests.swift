import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import TextEncoder

/// Any sentence-transformers folder of the BERT family: the pooling its `1_Pooling/config.json`
/// names, the Normalize module only when `modules.json` lists it, and the prompts of
/// `config_sentence_transformers.json` or the index.
@Suite("Pooling modes and prompts on a tiny random BERT")
struct PoolingAndPromptsTests {
    let model: TinyBertModel

    init() throws {
        model = try TinyBertModel()
    }

    /// Makes the model pool by `mode`, with a Normalize module when `normalize`.
    func usePooling(_ mode: PoolingConfig.Mode, normalize: Bool) throws {
        let flags = PoolingConfig.Mode.allCases.map { "\"\($0.configKey)\": \($0 == mode)" }
        try model.write(
            "1_Pooling/config.json", "{\"word_embedding_dimension\": 32, \(flags.joined(separator: ", "))}")
        let normalizer = #", {"path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}"#
        try model.write(
            "modules.json",
            #"[{"path": "", "type": "sentence_transformers.models.Transformer"}, "#
                + #"{"path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}"#
                + (normalize ? normalizer : "") + "]")
    }

    /// The id of `word` in the tiny vocabulary.
    func id(_ word: String) -> Int32 {
        Int32(TinyBertModel.vocabulary.firstIndex(of: word) ?? -1)
    }

    @Test(
        "CLS, max and mean-sqrt-len pooling, with and without Normalize, equal a naive forward pass",
        arguments: [
            (PoolingConfig.Mode.cls, true), (.cls, false), (.max, false), (.meanSqrtLen, false), (.meanSqrtLen, true),
        ])
    func poolingMatchesReference(mode: PoolingConfig.Mode, normalize: Bool) throws {
        defer { model.remove() }
        try usePooling(mode, normalize: normalize)
        let encoder = try SentenceEncoder(folder: model.folder, threads: 2)
        #expect(encoder.pooling == PoolingConfig(mode: mode, normalize: normalize))
        let reference = ReferenceBert(model, pooling: PoolingConfig(mode: mode, normalize: normalize))
        reference.expectMatches(encoder, on: TinyBertTests.randomSequences(count: 40, seed: 5), batchSizes: [1, 40])
    }

    @Test("each pooling and normalization gets a fingerprint of its own")
    func fingerprintCoversPooling() throws {
        defer { model.remove() }
        var fingerprints: Set<String> = []
        for mode in PoolingConfig.Mode.allCases {
            for normalize in [true, false] {
                try usePooling(mode, normalize: normalize)
                fingerprints.insert(try SentenceEncoder(folder: model.folder).fingerprint())
            }
        }
        #expect(fingerprints.count == 2 * PoolingConfig.Mode.allCases.count)
    }

    @Test("a pooling semfind cannot run is refused in one line naming it")
    func unsupportedPooling() throws {
        defer { model.remove() }
        let cases = [
            (#"{"pooling_mode_weightedmean_tokens": true}"#, "pooling_mode_weightedmean_tokens"),
            (#"{"pooling_mode_lasttoken": true}"#, "pooling_mode_lasttoken"),
            (
                #"{"pooling_mode_mean_tokens": true, "pooling_mode_max_tokens": true}"#,
                "pooling_mode_max_tokens + pooling_mode_mean_tokens"
            ),
            (#"{"pooling_mode_cls_token": true, "include_prompt": false}"#, "include_prompt"),
        ]
        for (config, named) in cases {
            try model.write("1_Pooling/config.json", config)
            do {
                _ = try SentenceEncoder(folder: model.folder)
                Issue.record("\(config) was accepted")
            } catch let error as SemfindError {
                #expect(error.code == .unsupportedModel)
                #expect(error.message.contains(named) && !error.message.contains("\n"), "\(error.message)")
            }
        }
    }

    @Test("the model's query and passage prompts reach the tokenizer and the vectors")
    func promptsFromTheFolder() throws {
        defer { model.remove() }
        let plain = try SentenceEncoder(folder: model.folder)
        try model.write(
            "config_sentence_transformers.json",
            #"{"prompts": {"query": "hello ", "passage": "the "}, "default_prompt_name": null}"#)
        let encoder = try SentenceEncoder(folder: model.folder)
        #expect(encoder.prompts == EncoderPrompts(query: "hello ", passage: "the "))
        #expect(encoder.tokenize("fox", as: .query) == [2, id("hello"), id("fox"), 3])
        #expect(encoder.tokenize("fox", as: .passage) == [2, id("the"), id("fox"), 3])
        #expect(encoder.tokenizeAll(["fox", "dog"], as: .query).map { $0[1] } == [id("hello"), id("hello")])
        #expect(
            encoder.encode(["fox"], as: .query) == encoder.encode(tokenized: [[2, id("hello"), id("fox"), 3]]))
        #expect(encoder.encode(["fox"], as: .query) != encoder.encode(["fox"], as: .passage))
        #expect(encoder.fingerprint() != plain.fingerprint())
    }

    @Test("default_prompt_name prompts both sides; prompts given to the encoder replace the folder's")
    func defaultAndGivenPrompts() throws {
        defer { model.remove() }
        try model.write(
            "config_sentence_transformers.json",
            #"{"prompts": {"retrieval": "lazy "}, "default_prompt_name": "retrieval"}"#)
        let defaulted = try SentenceEncoder(folder: model.folder)
        #expect(defaulted.prompts == EncoderPrompts(query: "lazy ", passage: "lazy "))
        let given = try SentenceEncoder(
            folder: model.folder, prompts: EncoderPrompts(query: "quick ", passage: "brown "))
        #expect(given.tokenize("dog", as: .query) == [2, id("quick"), id("dog"), 3])
        #expect(given.tokenize("dog", as: .passage) == [2, id("brown"), id("dog"), 3])
        let other = try SentenceEncoder(folder: model.folder, prompts: EncoderPrompts(query: "quick ", passage: ""))
        #expect(Set([defaulted, given, other].map { $0.fingerprint() }).count == 3)
        try model.write("config_sentence_transformers.json", #"{"prompts": ["query: "]}"#)
        #expect(throws: SemfindError.self) { _ = try SentenceEncoder(folder: model.folder) }
    }

    @Test("a passage's word pieces kept from chunking give the ids its prompt and text give tokenized together")
    func keptPiecesTakeThePassagePrompt() throws {
        let spaced = try SentenceEncoder(
            folder: model.folder, prompts: EncoderPrompts(query: "quick ", passage: "brown "))
        for text in ["dog", "the lazy fox", ""] {
            #expect(spaced.sequence(pieces: spaced.tokenizer.pieces(text)) == spaced.tokenize(text, as: .passage))
        }
        // A prompt ending inside a word would join the text's first word: the text is tokenized again.
        let joined = try SentenceEncoder(folder: model.folder, prompts: EncoderPrompts(query: "", passage: "brown"))
        #expect(joined.sequence(pieces: joined.tokenizer.pieces("dog")) == nil)
    }
}
