/// BERT's input layer: word, position and token-type embeddings summed, then layer-normalized.
struct BertEmbeddings: Sendable {
    let words: FloatTensor
    let positions: FloatTensor
    let tokenTypes: FloatTensor
    let norm: LayerNorm

    static func load(_ file: SafetensorsFile, _ prefix: String, config: BertConfig) throws -> BertEmbeddings {
        let width = config.hiddenSize
        return BertEmbeddings(
            words: try file.tensor("\(prefix).word_embeddings.weight", shape: [config.vocabSize, width]),
            positions: try file.tensor(
                "\(prefix).position_embeddings.weight", shape: [config.maxPositionEmbeddings, width]),
            tokenTypes: try file.tensor(
                "\(prefix).token_type_embeddings.weight", shape: [config.typeVocabSize, width]),
            norm: try LayerNorm.load(file, "\(prefix).LayerNorm", width: width, epsilon: config.layerNormEps))
    }

    /// Writes one row per token of `batch` into `output`. Token type is 0 throughout (one segment).
    func forward(_ batch: PackedBatch, into output: UnsafeMutablePointer<Float>) {
        let width = norm.gamma.count
        for sequence in 0..<batch.count {
            let range = batch.range(of: sequence)
            for (position, token) in range.enumerated() {
                let row = output + token * width
                let word = words.pointer + Int(batch.ids[token]) * width
                let place = positions.pointer + position * width
                for index in 0..<width {
                    row[index] = word[index] + place[index] + tokenTypes.pointer[index]
                }
            }
        }
        norm.forward(output, rows: batch.tokenCount)
    }
}
