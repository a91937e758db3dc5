/// The input layer: word and position embeddings (and in BERT, token type 0's) summed, then
/// layer-normalized.
struct BertEmbeddings: Sendable {
    let words: FloatTensor
    let positions: FloatTensor
    /// BERT's token-type embeddings; MPNet has none.
    let tokenTypes: FloatTensor?
    /// MPNet's padding id: positions count from it + 1 over the ids that are not padding, and a
    /// padding id sits at it (RoBERTa's rule); nil for BERT, whose positions count from 0.
    let paddingID: Int32?
    let norm: LayerNorm

    /// MPNet's padding index, fixed in the reference whatever config.json says.
    static let mpnetPaddingID: Int32 = 1

    static func load(_ file: SafetensorsFile, _ prefix: String, config: BertConfig) throws -> BertEmbeddings {
        let width = config.hiddenSize
        let isBert = config.family == .bert
        return BertEmbeddings(
            words: try file.tensor("\(prefix).word_embeddings.weight", shape: [config.vocabSize, width]),
            positions: try file.tensor(
                "\(prefix).position_embeddings.weight", shape: [config.maxPositionEmbeddings, width]),
            tokenTypes: isBert
                ? try file.tensor("\(prefix).token_type_embeddings.weight", shape: [config.typeVocabSize, width])
                : nil,
            paddingID: isBert ? nil : Self.mpnetPaddingID,
            norm: try LayerNorm.load(file, "\(prefix).LayerNorm", width: width, epsilon: config.layerNormEps))
    }

    /// Position ids use this many slots beyond the sequence's length (MPNet's padding index + 1).
    static func positionOffset(_ family: BertConfig.Family) -> Int {
        family == .bert ? 0 : Int(mpnetPaddingID) + 1
    }

    /// Writes one row per token of `batch` into `output`. Token type is 0 throughout (one segment).
    func forward(_ batch: PackedBatch, into output: UnsafeMutablePointer<Float>) {
        let width = norm.gamma.count
        for sequence in 0..<batch.count {
            var counted = 0
            for token in batch.range(of: sequence) {
                let id = batch.ids[token]
                let position: Int
                if let paddingID {
                    if id != paddingID { counted += 1 }
                    position = id == paddingID ? Int(paddingID) : Int(paddingID) + counted
                } else {
                    position = counted
                    counted += 1
                }
                let row = output + token * width
                let word = words.pointer + Int(id) * width
                let place = positions.pointer + position * width
                for index in 0..<width { row[index] = word[index] + place[index] }
                if let tokenTypes {
                    for index in 0..<width { row[index] += tokenTypes.pointer[index] }
                }
            }
        }
        norm.forward(output, rows: batch.tokenCount)
    }
}
