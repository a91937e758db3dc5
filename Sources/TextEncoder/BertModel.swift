import Foundation
import SemfindCore

/// A BERT encoder: embeddings and a stack of `BertLayer`s, loaded from a safetensors
/// checkpoint by the checkpoint's own tensor names. Produces one hidden vector per token;
/// pooling happens outside.
public struct BertModel: Sendable {
    public let config: BertConfig
    let embeddings: BertEmbeddings
    let layers: [BertLayer]
    /// The int8 kernel version of the dense layers, or nil for float32.
    let int8Kernel: Int32?

    /// Loads every tensor the config calls for. Checkpoints saved from `BertModel` name them
    /// `embeddings.…`/`encoder.layer.N.…`; those saved from a task model prefix them with `bert.`.
    /// In int8 precision, the dense layers are quantized here, once.
    public init(
        config: BertConfig, weights file: SafetensorsFile, precision: EncoderPrecision = .fp32,
        int8Kernel: Int8Kernel = .best
    ) throws {
        self.config = config
        let kernel = precision == .int8 ? int8Kernel.version : nil
        self.int8Kernel = kernel
        let prefix =
            file.tensors["embeddings.word_embeddings.weight"] == nil
                && file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        embeddings = try BertEmbeddings.load(file, "\(prefix)embeddings", config: config)
        layers = try (0..<config.numHiddenLayers).map {
            try BertLayer.load(file, "\(prefix)encoder.layer.\($0)", config: config, int8Kernel: kernel)
        }
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
            layer.forward(batch, workspace, team: team)
        }
        return body(workspace.hidden)
    }
}
