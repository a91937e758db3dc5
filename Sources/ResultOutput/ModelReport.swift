import TextEncoder

/// `semfind model info`: what one loaded model is, as one JSON object (`JSONLine`) or as a line
/// per fact, key first.
public struct ModelInfoReport: Encodable {
    let name: String
    let path: String
    let dimension: Int
    let maxLength: Int
    let fingerprint: String
    let layers: Int
    let heads: Int
    let vocabulary: Int
    let pooling: String
    let normalize: Bool
    let queryPrefix: String
    let passagePrefix: String

    enum CodingKeys: String, CodingKey {
        case name, path, dimension, fingerprint, layers, heads, vocabulary, pooling, normalize
        case maxLength = "max_length"
        case queryPrefix = "query_prefix"
        case passagePrefix = "passage_prefix"
    }

    public init(_ encoder: SentenceEncoder) {
        name = encoder.name
        path = encoder.folder.path
        dimension = encoder.dimension
        maxLength = encoder.maxLength
        fingerprint = encoder.fingerprint()
        layers = encoder.config.numHiddenLayers
        heads = encoder.config.numAttentionHeads
        vocabulary = encoder.tokenizer.vocabulary.count
        pooling = encoder.pooling.mode.rawValue
        normalize = encoder.pooling.normalize
        queryPrefix = encoder.prompts.query
        passagePrefix = encoder.prompts.passage
    }

    /// The human view: each fact on a line, keys padded to one column.
    public var text: String {
        let facts: [(CodingKeys, String)] = [
            (.name, name), (.path, path), (.dimension, "\(dimension)"), (.maxLength, "\(maxLength)"),
            (.fingerprint, fingerprint), (.layers, "\(layers)"), (.heads, "\(heads)"),
            (.vocabulary, "\(vocabulary)"), (.pooling, pooling), (.normalize, "\(normalize)"),
            (.queryPrefix, queryPrefix), (.passagePrefix, passagePrefix),
        ]
        return facts.map { "\($0.0.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \($0.1)\n" }.joined()
    }
}

/// `semfind model list`: one installed model, as a JSON line or a tab-separated row under
/// `header`.
public struct ModelListingRow: Encodable {
    let name: String
    let path: String
    let family: String
    let dimension: Int
    let maxLength: Int
    let bytes: Int64
    let fingerprint: String

    enum CodingKeys: String, CodingKey {
        case name, path, family, dimension, bytes, fingerprint
        case maxLength = "max_length"
    }

    public static let header = "name\tfamily\tdimension\tmax_length\tbytes\tfingerprint\n"

    public init(_ model: ModelSummary) {
        name = model.name
        path = model.folder.path
        family = model.family
        dimension = model.dimension
        maxLength = model.maxLength
        bytes = model.bytesOnDisk
        fingerprint = model.fingerprint
    }

    /// The row under `header`.
    public var text: String {
        [name, family, "\(dimension)", "\(maxLength)", "\(bytes)", fingerprint].joined(separator: "\t") + "\n"
    }
}
