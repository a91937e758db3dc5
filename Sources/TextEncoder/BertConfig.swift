import Foundation
import SemfindCore

/// The shape of a BERT encoder, decoded from a checkpoint's `config.json`.
public struct BertConfig: Decodable, Sendable, Equatable {
    public var vocabSize: Int
    public var hiddenSize: Int
    public var numHiddenLayers: Int
    public var numAttentionHeads: Int
    public var intermediateSize: Int
    public var maxPositionEmbeddings: Int
    public var typeVocabSize: Int
    public var layerNormEps: Float
    public var hiddenAct: String
    public var modelType: String?
    public var architectures: [String]?

    enum CodingKeys: String, CodingKey {
        case vocabSize = "vocab_size"
        case hiddenSize = "hidden_size"
        case numHiddenLayers = "num_hidden_layers"
        case numAttentionHeads = "num_attention_heads"
        case intermediateSize = "intermediate_size"
        case maxPositionEmbeddings = "max_position_embeddings"
        case typeVocabSize = "type_vocab_size"
        case layerNormEps = "layer_norm_eps"
        case hiddenAct = "hidden_act"
        case modelType = "model_type"
        case architectures
    }

    public init(
        vocabSize: Int, hiddenSize: Int, numHiddenLayers: Int, numAttentionHeads: Int, intermediateSize: Int,
        maxPositionEmbeddings: Int, typeVocabSize: Int = 2, layerNormEps: Float = 1e-12, hiddenAct: String = "gelu",
        modelType: String? = "bert", architectures: [String]? = ["BertModel"]
    ) {
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.numHiddenLayers = numHiddenLayers
        self.numAttentionHeads = numAttentionHeads
        self.intermediateSize = intermediateSize
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.typeVocabSize = typeVocabSize
        self.layerNormEps = layerNormEps
        self.hiddenAct = hiddenAct
        self.modelType = modelType
        self.architectures = architectures
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        vocabSize = try c.decode(Int.self, forKey: .vocabSize)
        hiddenSize = try c.decode(Int.self, forKey: .hiddenSize)
        numHiddenLayers = try c.decode(Int.self, forKey: .numHiddenLayers)
        numAttentionHeads = try c.decode(Int.self, forKey: .numAttentionHeads)
        intermediateSize = try c.decode(Int.self, forKey: .intermediateSize)
        maxPositionEmbeddings = try c.decode(Int.self, forKey: .maxPositionEmbeddings)
        typeVocabSize = try c.decodeIfPresent(Int.self, forKey: .typeVocabSize) ?? 2
        layerNormEps = try c.decodeIfPresent(Float.self, forKey: .layerNormEps) ?? 1e-12
        hiddenAct = try c.decodeIfPresent(String.self, forKey: .hiddenAct) ?? "gelu"
        modelType = try c.decodeIfPresent(String.self, forKey: .modelType)
        architectures = try c.decodeIfPresent([String].self, forKey: .architectures)
    }

    /// Reads and checks `config.json`: the architecture must be BERT with exact GELU, and the
    /// sizes must be consistent.
    public static func load(from url: URL) throws -> BertConfig {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SemfindError(.modelNotFound, "cannot read \(url.path): the model folder has no config.json")
        }
        let config: BertConfig
        do {
            config = try JSONDecoder().decode(BertConfig.self, from: data)
        } catch {
            throw SemfindError(.invalidModel, "\(url.path) is not a valid BERT config: \(Self.describe(error))")
        }
        try config.validate(source: url.path)
        return config
    }

    func validate(source: String) throws {
        let architecture = architectures?.first ?? modelType ?? "unknown"
        let isBert = modelType == "bert" || (architectures ?? []).contains { $0.hasPrefix("Bert") }
        guard isBert else {
            throw SemfindError(
                .unsupportedModel,
                "\(source): architecture '\(architecture)' is not supported; semfind runs BERT-family sentence-transformers models"
            )
        }
        guard hiddenAct == "gelu" else {
            throw SemfindError(
                .unsupportedModel, "\(source): activation '\(hiddenAct)' is not supported (only exact 'gelu')")
        }
        let positive = [
            vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize, maxPositionEmbeddings,
            typeVocabSize,
        ]
        guard positive.allSatisfy({ $0 > 0 }), hiddenSize % numAttentionHeads == 0 else {
            throw SemfindError(
                .invalidModel, "\(source): sizes are inconsistent (hidden_size must divide by num_attention_heads)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "missing '\(key.stringValue)'" }
        if case DecodingError.typeMismatch(_, let context) = error {
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        }
        return "malformed JSON"
    }
}
