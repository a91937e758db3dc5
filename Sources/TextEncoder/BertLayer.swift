import CBLAS
import CKernels

/// One transformer block: multi-head self-attention and a GELU feed-forward network, each
/// followed by a residual connection and layer normalization (post-norm, as in BERT).
struct BertLayer: Sendable {
    /// Query, key and value projections, each writing its third of every row of the
    /// `[tokens, 3·hidden]` workspace (in float32 borrowed from the checkpoint: nothing is
    /// copied at load); in int8, one layer that writes all three.
    let queryKeyValue: [any DenseLayer]
    let attentionOutput: any DenseLayer
    let attentionNorm: LayerNorm
    let intermediate: any DenseLayer
    let output: any DenseLayer
    let outputNorm: LayerNorm
    let heads: Int

    /// The checkpoint's names for a layer's tensors, which differ by family.
    struct TensorNames {
        let projections: [String]
        let attentionOutput: String
        let attentionNorm: String

        static func of(_ family: BertConfig.Family) -> TensorNames {
            switch family {
            case .bert:
                TensorNames(
                    projections: ["query", "key", "value"].map { "attention.self.\($0)" },
                    attentionOutput: "attention.output.dense", attentionNorm: "attention.output.LayerNorm")
            case .mpnet:
                TensorNames(
                    projections: ["q", "k", "v"].map { "attention.attn.\($0)" }, attentionOutput: "attention.attn.o",
                    attentionNorm: "attention.LayerNorm")
            }
        }
    }

    /// Loads layer `prefix` of a `family` checkpoint; in int8 (`int8Kernel` set), quantizes its
    /// dense layers.
    static func load(
        _ file: SafetensorsFile, _ prefix: String, config: BertConfig, family: BertConfig.Family, int8Kernel: Int32?
    ) throws -> BertLayer {
        let hidden = config.hiddenSize
        let epsilon = config.layerNormEps
        let names = TensorNames.of(family)
        let projections = try names.projections.map {
            try Linear.load(file, "\(prefix).\($0)", inputs: hidden, outputs: hidden)
        }
        let attentionOutput = try Linear.load(
            file, "\(prefix).\(names.attentionOutput)", inputs: hidden, outputs: hidden)
        let intermediate = try Linear.load(
            file, "\(prefix).intermediate.dense", inputs: hidden, outputs: config.intermediateSize)
        let output = try Linear.load(file, "\(prefix).output.dense", inputs: config.intermediateSize, outputs: hidden)
        let quantize = { (parts: [Linear]) -> any DenseLayer in
            guard let int8Kernel else { return parts[0] }
            return Int8Linear(concatenating: parts, kernel: int8Kernel)
        }
        let layer = BertLayer(
            queryKeyValue: int8Kernel == nil ? projections : [quantize(projections)],
            attentionOutput: quantize([attentionOutput]),
            attentionNorm: try LayerNorm.load(
                file, "\(prefix).\(names.attentionNorm)", width: hidden, epsilon: epsilon),
            intermediate: quantize([intermediate]),
            output: quantize([output]),
            outputNorm: try LayerNorm.load(file, "\(prefix).output.LayerNorm", width: hidden, epsilon: epsilon),
            heads: config.numAttentionHeads)
        if int8Kernel != nil {
            // The int8 layers keep their own copies: the float32 weights would only sit in memory.
            let dense = names.projections + [names.attentionOutput, "intermediate.dense", "output.dense"]
            file.release(dense.map { "\(prefix).\($0).weight" })
        }
        return layer
    }

    /// Transforms the hidden states in `workspace.hidden` in place, adding `bias` (MPNet's) to
    /// every attention score. `team`'s threads share each small product; see `Linear.forward`.
    func forward(_ batch: PackedBatch, _ workspace: BertWorkspace, bias: RelativePositionBias?, team: WorkerTeam?) {
        let rows = batch.tokenCount
        let hidden = attentionOutput.outputs
        for (index, projection) in queryKeyValue.enumerated() {
            projection.forward(
                workspace.hidden, rows: rows, into: workspace.queryKeyValue + index * hidden, outputStride: 3 * hidden,
                team: team, workspace: workspace)
        }
        if let bias {
            bias.values.withUnsafeBufferPointer { values in
                let center = values.baseAddress.map { $0 + bias.span - 1 }
                attend(batch, workspace, bias: center, biasStride: bias.headStride)
            }
        } else {
            attend(batch, workspace, bias: nil, biasStride: 0)
        }
        attentionOutput.forward(
            workspace.context, rows: rows, into: workspace.scratch, outputStride: nil, team: team, workspace: workspace)
        addResidual(workspace.hidden, into: workspace.scratch, count: rows * hidden)
        attentionNorm.forward(workspace.scratch, rows: rows)
        swap(&workspace.hidden, &workspace.scratch)
        feedForward(rows: rows, workspace, team: team)
    }

    /// Up to this many tokens, attention runs in `CKernels`' row-by-row version (a BLAS call per
    /// head costs more than its arithmetic); longer sequences run in its tiled version where it
    /// is preferred (AVX2 without AVX-512, heads a multiple of 16 wide), else in OpenBLAS per head.
    static let directAttentionLengthLimit = 64

    /// Scaled dot-product attention of each sequence with itself, head by head, into `context`.
    /// `bias`, when set, points at a `RelativePositionBias`'s entry for distance 0 of head 0, each
    /// head's run `biasStride` after the previous one.
    private func attend(
        _ batch: PackedBatch, _ workspace: BertWorkspace, bias: UnsafePointer<Float>?, biasStride: Int
    ) {
        let hidden = attentionOutput.outputs
        let headWidth = hidden / heads
        let stride = 3 * hidden
        let scale = 1 / Float(headWidth).squareRoot()
        let scores = workspace.scores
        for sequence in 0..<batch.count {
            let range = batch.range(of: sequence)
            let length = range.count
            let base = workspace.queryKeyValue + range.lowerBound * stride
            let context = workspace.context + range.lowerBound * hidden
            if length <= Self.directAttentionLengthLimit {
                semfind_attention_small(
                    base, length, hidden, heads, stride, scale, bias, biasStride, context, hidden, scores)
                continue
            }
            if semfind_attention_tiled_preferred(headWidth) != 0 {
                semfind_attention_tiled(
                    base, length, hidden, heads, stride, scale, bias, biasStride, context, hidden, scores)
                continue
            }
            for head in 0..<heads {
                let query = base + head * headWidth
                let key = query + hidden
                let value = query + 2 * hidden
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(length), Int32(length), Int32(headWidth),
                    1, query, Int32(stride), key, Int32(stride), 0, scores, Int32(length))
                if let bias {
                    semfind_add_relative_bias(scores, length, length, length, 0, scale, bias + head * biasStride)
                    semfind_softmax_rows(scores, length, length, length, 1)
                } else {
                    semfind_softmax_rows(scores, length, length, length, scale)
                }
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(length), Int32(headWidth), Int32(length),
                    1, scores, Int32(length), value, Int32(stride), 0, context + head * headWidth, Int32(hidden))
            }
        }
    }

    /// GELU feed-forward over blocks of rows, so that the wide intermediate activations stay
    /// small whatever the batch size.
    private func feedForward(rows: Int, _ workspace: BertWorkspace, team: WorkerTeam?) {
        let hidden = output.outputs
        let intermediateWidth = intermediate.outputs
        var start = 0
        while start < rows {
            let blockRows = min(BertWorkspace.feedForwardBlockRows, rows - start)
            let input = workspace.hidden + start * hidden
            let result = workspace.scratch + start * hidden
            intermediate.forward(
                input, rows: blockRows, into: workspace.intermediate, outputStride: nil, team: team,
                workspace: workspace)
            semfind_gelu(workspace.intermediate, blockRows * intermediateWidth)
            output.forward(
                workspace.intermediate, rows: blockRows, into: result, outputStride: nil, team: team,
                workspace: workspace)
            addResidual(input, into: result, count: blockRows * hidden)
            outputNorm.forward(result, rows: blockRows)
            start += blockRows
        }
        swap(&workspace.hidden, &workspace.scratch)
    }

    private func addResidual(_ residual: UnsafePointer<Float>, into values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count { values[index] += residual[index] }
    }
}
