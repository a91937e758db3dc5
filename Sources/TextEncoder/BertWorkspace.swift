import CKernels

/// The activation buffers of one forward pass, sized for a batch and reused across layers.
///
/// A workspace belongs to one thread at a time; the encoder gives each worker its own.
final class BertWorkspace {
    /// Rows of the feed-forward network processed at once (bounds the intermediate buffer).
    static let feedForwardBlockRows = 512

    var hidden: UnsafeMutablePointer<Float>
    var scratch: UnsafeMutablePointer<Float>
    let queryKeyValue: UnsafeMutablePointer<Float>
    let context: UnsafeMutablePointer<Float>
    let intermediate: UnsafeMutablePointer<Float>
    let scores: UnsafeMutablePointer<Float>
    /// The input of an int8 layer, quantized; nil for a float32 encoder.
    let quantizedRows: QuantizedRows?
    private let buffers: [UnsafeMutablePointer<Float>]

    /// Buffers for `tokens` rows, `longest` of them in one sequence; `quantizing` for an int8 encoder.
    init(tokens: Int, longest: Int, config: BertConfig, quantizing: Bool) {
        let hiddenSize = config.hiddenSize
        let rows = max(tokens, 1)
        hidden = .allocate(capacity: rows * hiddenSize)
        scratch = .allocate(capacity: rows * hiddenSize)
        queryKeyValue = .allocate(capacity: rows * 3 * hiddenSize)
        context = .allocate(capacity: rows * hiddenSize)
        intermediate = .allocate(capacity: min(rows, Self.feedForwardBlockRows) * config.intermediateSize)
        let headWidth = hiddenSize / max(config.numAttentionHeads, 1)
        scores = .allocate(
            capacity: max(longest * longest, semfind_attention_tiled_scratch(longest, headWidth), 1))
        let blockRows = min(rows, Self.feedForwardBlockRows)
        let quantizedBytes = max(
            rows * semfind_int8_padded_inputs(hiddenSize),
            blockRows * semfind_int8_padded_inputs(config.intermediateSize))
        quantizedRows = quantizing ? QuantizedRows(rowCapacity: rows, byteCapacity: quantizedBytes) : nil
        buffers = [hidden, scratch, queryKeyValue, context, intermediate, scores]
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}
