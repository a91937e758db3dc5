import Foundation
import SemfindCore

/// The shape of a BERT-family encoder (BERT or MPNet), decoded from a checkpoint's `config.json`.
public struct BertConfig: Decodable, Sendable, Equatable {
    /// The architectures semfind runs; `model_type` or `architectures` names one.
    public enum Family: String, Sendable {
        case bert, mpnet
    }

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
    /// Rows of MPNet's relative position bias table (`relative_attention_num_buckets`).
    public var relativeAttentionBuckets: Int

    /// The family `model_type` names, else the first architecture's prefix (`BertModel`,
    /// `MPNetForMaskedLM`); nil when neither is one semfind runs.
    public var family: Family? {
        if let modelType, let family = Family(rawValue: modelType) { return family }
        let names = architectures ?? []
        if names.contains(where: { $0.hasPrefix("Bert") }) { return .bert }
        if names.contains(where: { $0.hasPrefix("MPNet") }) { return .mpnet }
        return nil
    }

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
        case relativeAttentionBuckets = "relative_attention_num_buckets"
    }

    public init(
        vocabSize: Int, hiddenSize: Int, numHiddenLayers: Int, numAttentionHeads: Int, intermediateSize: Int,
        maxPositionEmbeddings: Int, typeVocabSize: Int = 2, layerNormEps: Float = 1e-12, hiddenAct: String = "gelu",
        modelType: String? = "bert", architectures: [String]? = ["BertModel"], relativeAttentionBuckets: Int = 32
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
        self.relativeAttentionBuckets = relativeAttentionBuckets
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
        relativeAttentionBuckets = try c.decodeIfPresent(Int.self, forKey: .relativeAttentionBuckets) ?? 32
    }

    /// Reads and checks `config.json`: the architecture must be BERT or MPNet with exact GELU, and the
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
            throw SemfindError(.invalidModel, "\(url.path) is not a valid model config: \(Self.describe(error))")
        }
        try config.validate(source: url.path)
        return config
    }

    /// Checks the architecture, activation and sizes; returns the family to run.
    @discardableResult
    func validate(source: String) throws -> Family {
        let architecture = architectures?.first ?? modelType ?? "unknown"
        guard let family else {
            throw SemfindError(
                .unsupportedModel,
                "\(source): architecture '\(architecture)' is not supported; semfind runs BERT and MPNet sentence-transformers models"
            )
        }
        guard family != .mpnet || relativeAttentionBuckets == RelativePositionBias.buckets else {
            throw SemfindError(
                .unsupportedModel,
                "\(source): relative_attention_num_buckets \(relativeAttentionBuckets) is not supported (only \(RelativePositionBias.buckets))"
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
        return family
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "missing '\(key.stringValue)'" }
        if case DecodingError.typeMismatch(_, let context) = error {
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        }
        return "malformed JSON"
    }
}
