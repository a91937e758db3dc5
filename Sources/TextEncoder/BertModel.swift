import Foundation
import SemfindCore

/// A BERT-family encoder (BERT or MPNet, as `config.family` says): embeddings and a stack of
/// `BertLayer`s, loaded from a safetensors checkpoint by the checkpoint's own tensor names, and
/// for MPNet the relative position bias all layers share. Produces one hidden vector per token;
/// pooling happens outside.
public struct BertModel: Sendable {
    public let config: BertConfig
    let family: BertConfig.Family
    let embeddings: BertEmbeddings
    let layers: [BertLayer]
    /// MPNet's relative position bias; nil for BERT.
    let relativeBias: RelativePositionBias?
    /// The int8 kernel version of the dense layers, or nil for float32.
    let int8Kernel: Int32?

    /// Loads every tensor the config calls for. Checkpoints saved from the bare model name them
    /// `embeddings.…`/`encoder.layer.N.…`; those saved from a task model prefix them with the
    /// family's name (`bert.`, `mpnet.`). In int8 precision, the dense layers are quantized
    /// here, once.
    public init(
        config: BertConfig, weights file: SafetensorsFile, precision: EncoderPrecision = .fp32,
        int8Kernel: Int8Kernel = .best
    ) throws {
        let family = try config.validate(source: "config.json")
        self.family = family
        self.config = config
        let kernel = precision == .int8 ? int8Kernel.version : nil
        self.int8Kernel = kernel
        let taskPrefix = "\(family.rawValue)."
        let prefix =
            file.tensors["embeddings.word_embeddings.weight"] == nil
                && file.tensors["\(taskPrefix)embeddings.word_embeddings.weight"] != nil ? taskPrefix : ""
        embeddings = try BertEmbeddings.load(file, "\(prefix)embeddings", config: config)
        layers = try (0..<config.numHiddenLayers).map {
            try BertLayer.load(file, "\(prefix)encoder.layer.\($0)", config: config, family: family, int8Kernel: kernel)
        }
        relativeBias =
            family == .mpnet
            ? try RelativePositionBias.load(
                file, "\(prefix)encoder.relative_attention_bias.weight", heads: config.numAttentionHeads,
                span: config.maxPositionEmbeddings)
            : nil
    }

    /// Runs the encoder over `batch`; `body` reads the final hidden states (one row per token,
    /// `hiddenSize` wide) before the workspace is freed. `team`'s threads share small products.
    func forward<Result>(_ batch: PackedBatch, team: WorkerTeam? = nil, _ body: (UnsafePointer<Float>) -> Result)
        -> Result
    {
        let workspace = BertWorkspace(
            tokens: batch.tokenCount, longest: batch.longest, config: config, quantizing: int8Kernel != nil)
        embeddings.forward(batch, into: workspace.hidden)
        for layer in layers {
            layer.forward(batch, workspace, bias: relativeBias, team: team)
        }
        return body(workspace.hidden)
    }
}
