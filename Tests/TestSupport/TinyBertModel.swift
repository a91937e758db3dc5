import Foundation
import SemfindCore
import TextEncoder

/// A tiny, deterministic BERT or MPNet sentence-transformers folder (2 layers, hidden size 32),
/// written by the tests themselves: real files, real loading code, random weights.
public struct TinyBertModel {
    public static let hidden = 32
    public static let heads = 4
    public static let layers = 2
    public static let intermediate = 64
    public static let maxPositions = 64
    /// MPNet's position table is longer, so that sequences reach both attention paths (over 64
    /// tokens) and distances beyond the relative bias's 128.
    public static let mpnetMaxPositions = 160
    /// `max_seq_length` in sentence_bert_config.json: texts longer than this are truncated.
    public static let maxLength = 24

    /// Words and pieces of the tiny vocabulary, after the special tokens.
    public static let words = [
        "the", "quick", "brown", "fox", "jump", "##s", "over", "lazy", "dog", ".", ",", "!", "?", "un", "##believ",
        "##able", "cafe", "a", "b", "c", "##a", "##b", "##c", "日", "本", "hello", "world", "##ing", "run", "-", "mask",
        "[", "]",
    ]
    public static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words
    /// MPNet's special tokens take the first five ids: `<s>`=0, `<pad>`=1, `</s>`=2, `[UNK]`=4.
    public static let mpnetVocabulary = ["<s>", "<pad>", "</s>", "<unk>", "[UNK]"] + words

    public let folder: URL
    public let family: BertConfig.Family
    /// Every tensor by checkpoint name, as written.
    public let tensors: [String: (shape: [Int], values: [Float])]
    /// LayerNorm's epsilon as config.json gives it: BERT's usual, MPNet's (1e-5).
    public var layerNormEpsilon: Double { family == .bert ? 1e-12 : 1e-5 }

    /// The checkpoint's names for a layer's attention tensors: query, key, value and output
    /// projections, then the attention's LayerNorm.
    public static func attentionNames(_ family: BertConfig.Family) -> [String] {
        switch family {
        case .bert:
            ["self.query", "self.key", "self.value", "output.dense", "output.LayerNorm"].map { "attention.\($0)" }
        case .mpnet: ["attn.q", "attn.k", "attn.v", "attn.o", "LayerNorm"].map { "attention.\($0)" }
        }
    }

    /// Writes the model into a new temporary folder.
    public init(seed: UInt64 = 42, family: BertConfig.Family = .bert) throws {
        self.family = family
        folder = try TestScratch.folder("tiny-\(family.rawValue)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("1_Pooling"), withIntermediateDirectories: true)
        var generator = SeededGenerator(seed: seed)
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        func add(_ name: String, _ shape: [Int], scale: Float = 0.2, offset: Float = 0) {
            let count = shape.reduce(1, *)
            tensors[name] = (shape, (0..<count).map { _ in offset + scale * generator.nextSigned() })
        }
        let h = Self.hidden
        let vocabulary = family == .bert ? Self.vocabulary : Self.mpnetVocabulary
        add("embeddings.word_embeddings.weight", [vocabulary.count, h], scale: 1)
        let positions = family == .bert ? Self.maxPositions : Self.mpnetMaxPositions
        add("embeddings.position_embeddings.weight", [positions, h], scale: 0.3)
        if family == .bert { add("embeddings.token_type_embeddings.weight", [2, h], scale: 0.3) }
        add("embeddings.LayerNorm.weight", [h], scale: 0.1, offset: 1)
        add("embeddings.LayerNorm.bias", [h], scale: 0.1)
        if family == .mpnet { add("encoder.relative_attention_bias.weight", [32, Self.heads], scale: 1) }
        let attention = Self.attentionNames(family)
        for layer in 0..<Self.layers {
            let p = "encoder.layer.\(layer)"
            for name in attention.prefix(4) {
                add("\(p).\(name).weight", [h, h])
                add("\(p).\(name).bias", [h], scale: 0.1)
            }
            add("\(p).\(attention[4]).weight", [h], scale: 0.1, offset: 1)
            add("\(p).\(attention[4]).bias", [h], scale: 0.1)
            add("\(p).intermediate.dense.weight", [Self.intermediate, h])
            add("\(p).intermediate.dense.bias", [Self.intermediate], scale: 0.1)
            add("\(p).output.dense.weight", [h, Self.intermediate])
            add("\(p).output.dense.bias", [h], scale: 0.1)
            add("\(p).output.LayerNorm.weight", [h], scale: 0.1, offset: 1)
            add("\(p).output.LayerNorm.bias", [h], scale: 0.1)
        }
        self.tensors = tensors
        let ordered = tensors.sorted { $0.key < $1.key }.map {
            (name: $0.key, shape: $0.value.shape, values: $0.value.values)
        }
        try SafetensorsWriter.encode(ordered).write(to: folder.appendingPathComponent("model.safetensors"))
        try write("vocab.txt", vocabulary.joined(separator: "\n") + "\n")
        if family == .bert {
            try write("config.json", Self.configJSON())
        } else {
            try write(
                "config.json",
                Self.configJSON(
                    architecture: "MPNetForMaskedLM", modelType: "mpnet", maxPositions: positions, epsilon: "1e-05"))
            try write(
                "tokenizer_config.json",
                "{\"do_lower_case\": true, \"cls_token\": \"<s>\", \"sep_token\": \"</s>\", \"unk_token\": \"[UNK]\", \"pad_token\": \"<pad>\"}"
            )
        }
        try write("sentence_bert_config.json", "{\"max_seq_length\": \(Self.maxLength), \"do_lower_case\": false}")
        try write(
            "modules.json",
            """
            [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
             {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
             {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]
            """)
        try write(
            "1_Pooling/config.json",
            "{\"word_embedding_dimension\": \(h), \"pooling_mode_mean_tokens\": true, \"pooling_mode_cls_token\": false}"
        )
    }

    /// config.json's text; `architecture` and `activation` let tests write unsupported variants.
    public static func configJSON(
        architecture: String = "BertModel", modelType: String = "bert", activation: String = "gelu",
        maxPositions: Int = maxPositions, epsilon: String = "1e-12"
    ) -> String {
        """
        {"architectures": ["\(architecture)"], "model_type": "\(modelType)", "hidden_act": "\(activation)",
         "hidden_size": \(hidden), "num_hidden_layers": \(layers), "num_attention_heads": \(heads),
         "intermediate_size": \(intermediate), "max_position_embeddings": \(maxPositions),
         "type_vocab_size": 2, "vocab_size": \(vocabulary.count), "layer_norm_eps": \(epsilon)}
        """
    }

    /// Replaces (or creates) a file of the model folder.
    public func write(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(relativePath))
    }

    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
